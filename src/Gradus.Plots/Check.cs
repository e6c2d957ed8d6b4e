namespace Gradus.Plots;

/// <summary>Argument checks shared by the plots; messages name the plot, the argument and the bad value.</summary>
internal static class Check
{
    /// <summary>Throws unless <paramref name="array"/> has at least one element.</summary>
    public static void NotEmpty<T>(string op, string name, IReadOnlyCollection<T>? array)
    {
        if (array is null) throw new ArgumentNullException(name, $"{op}: {name} is null");
        if (array.Count == 0) throw new ArgumentException($"{op}: {name} is empty", name);
    }

    /// <summary>Throws unless the two lengths are equal.</summary>
    public static void SameLength(string op, string aName, int a, string bName, int b)
    {
        if (a != b)
            throw new ArgumentException($"{op}: {aName} and {bName} must have the same length, got {a} and {b}", bName);
    }

    /// <summary>Throws unless every value is finite (no NaN or infinity).</summary>
    public static void Finite(string op, string name, IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{op}: {name}[{i}] is {values[i]}, expected a finite number", name);
    }

    /// <summary>Throws unless the values strictly increase.</summary>
    public static void Increasing(string op, string name, IReadOnlyList<double> values)
    {
        Finite(op, name, values);
        for (int i = 1; i < values.Count; i++)
            if (!(values[i] > values[i - 1]))
                throw new ArgumentException(
                    $"{op}: {name} must strictly increase, but {name}[{i - 1}] = {values[i - 1]} and {name}[{i}] = {values[i]}", name);
    }

    /// <summary>Throws unless <paramref name="value"/> is positive.</summary>
    public static void Positive(string op, string name, int value)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{op}: {name} must be positive, got {value}");
    }

    /// <summary>
    /// Throws unless the grid's two axes each hold at least 2 strictly increasing values and <paramref name="values"/>
    /// has shape [vertical.Length, horizontal.Length] (NumPy meshgrid order).
    /// </summary>
    public static void Grid(string op, string horizontalName, double[]? horizontal, string verticalName, double[]? vertical,
        string valuesName, double[,]? values)
    {
        if (values is null) throw new ArgumentNullException(valuesName, $"{op}: {valuesName} is null");
        if (horizontal is null || vertical is null || horizontal.Length < 2 || vertical.Length < 2)
            throw new ArgumentException(
                $"{op}: needs at least 2 values of {horizontalName} and of {verticalName}, got {horizontal?.Length ?? 0} and {vertical?.Length ?? 0}");
        Increasing(op, horizontalName, horizontal);
        Increasing(op, verticalName, vertical);
        if (values.GetLength(0) != vertical.Length || values.GetLength(1) != horizontal.Length)
            throw new ArgumentException(
                $"{op}: {valuesName} must have shape [{vertical.Length}, {horizontal.Length}] ({verticalName} x {horizontalName}), got [{values.GetLength(0)}, {values.GetLength(1)}]",
                valuesName);
    }
}
