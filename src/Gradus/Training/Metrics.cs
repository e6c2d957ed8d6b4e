namespace Gradus.Training;

/// <summary>How per-class scores are combined into one number, as scikit-learn's <c>average</c>.</summary>
public enum Average
{
    /// <summary>The score of the positive class (label 1) of a two-class problem.</summary>
    Binary,
    /// <summary>The unweighted mean over classes.</summary>
    Macro,
    /// <summary>The mean over classes weighted by each class's support (true count).</summary>
    Weighted,
}

/// <summary>
/// Evaluation metrics on predictions and targets. A metric is not a loss: these take hard predictions
/// (class indices) or values, are not differentiable, and return plain numbers to report, never to
/// optimise.
/// </summary>
public static class Metrics
{
    /// <summary>The fraction of predictions equal to the targets (class indices; logits are argmax-ed first).</summary>
    public static double Accuracy(Tensor predictions, Tensor targets)
    {
        var (p, t) = Labels(predictions, targets);
        if (p.Length == 0) return double.NaN;
        int hit = 0;
        for (int i = 0; i < p.Length; i++) if (p[i] == t[i]) hit++;
        return hit / (double)p.Length;
    }

    /// <summary>The confusion matrix: rows are true classes, columns predicted classes, as scikit-learn's.</summary>
    public static long[,] ConfusionMatrix(Tensor predictions, Tensor targets, int numClasses)
    {
        var (p, t) = Labels(predictions, targets);
        var m = new long[numClasses, numClasses];
        for (int i = 0; i < p.Length; i++)
        {
            if (t[i] < 0 || t[i] >= numClasses || p[i] < 0 || p[i] >= numClasses)
                throw new ArgumentException($"ConfusionMatrix: label {Math.Max(t[i], p[i])} at position {i} is outside [0, {numClasses})");
            m[t[i], p[i]]++;
        }
        return m;
    }

    /// <summary>Precision tp / (tp + fp) per class, averaged.</summary>
    public static double Precision(Tensor predictions, Tensor targets, Average average = Average.Binary, int? numClasses = null) =>
        Score(predictions, targets, average, numClasses, (tp, fp, fn) => Ratio(tp, tp + fp));

    /// <summary>Recall tp / (tp + fn) per class, averaged.</summary>
    public static double Recall(Tensor predictions, Tensor targets, Average average = Average.Binary, int? numClasses = null) =>
        Score(predictions, targets, average, numClasses, (tp, fp, fn) => Ratio(tp, tp + fn));

    /// <summary>F1 = 2tp / (2tp + fp + fn) per class, averaged.</summary>
    public static double F1(Tensor predictions, Tensor targets, Average average = Average.Binary, int? numClasses = null) =>
        Score(predictions, targets, average, numClasses, (tp, fp, fn) => Ratio(2 * tp, 2 * tp + fp + fn));

    /// <summary>Mean squared error of values.</summary>
    public static double MeanSquaredError(Tensor predictions, Tensor targets)
    {
        var (p, t) = Values(predictions, targets);
        return p.Zip(t, (a, b) => (a - b) * (a - b)).DefaultIfEmpty(double.NaN).Average();
    }

    /// <summary>Mean absolute error of values.</summary>
    public static double MeanAbsoluteError(Tensor predictions, Tensor targets)
    {
        var (p, t) = Values(predictions, targets);
        return p.Zip(t, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(double.NaN).Average();
    }

    /// <summary>The coefficient of determination R² = 1 − SS_res / SS_tot.</summary>
    public static double R2Score(Tensor predictions, Tensor targets)
    {
        var (p, t) = Values(predictions, targets);
        double mean = t.Average();
        double res = p.Zip(t, (a, b) => (a - b) * (a - b)).Sum();
        double tot = t.Sum(v => (v - mean) * (v - mean));
        return tot == 0 ? (res == 0 ? 1.0 : 0.0) : 1 - res / tot;
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    private static double Score(Tensor predictions, Tensor targets, Average average, int? numClasses, Func<double, double, double, double> f)
    {
        var (p, t) = Labels(predictions, targets);
        int k = numClasses ?? (int)Math.Max(p.DefaultIfEmpty(0).Max(), t.DefaultIfEmpty(0).Max()) + 1;
        if (average == Average.Binary)
        {
            if (k > 2) throw new ArgumentException($"Target is multiclass ({k} classes) but average is Binary; choose Macro or Weighted");
            k = 2;
        }
        var tp = new double[k];
        var fp = new double[k];
        var fn = new double[k];
        var support = new double[k];
        for (int i = 0; i < p.Length; i++)
        {
            support[t[i]]++;
            if (p[i] == t[i]) tp[p[i]]++;
            else { fp[p[i]]++; fn[t[i]]++; }
        }
        if (average == Average.Binary) return f(tp[1], fp[1], fn[1]);
        var scores = Enumerable.Range(0, k).Select(c => f(tp[c], fp[c], fn[c])).ToArray();
        if (average == Average.Macro) return scores.Average();
        double total = support.Sum();
        return total == 0 ? 0 : scores.Select((s, c) => s * support[c]).Sum() / total;
    }

    /// <summary>Class indices from predictions (argmax over the last dim of 2-D scores) and targets.</summary>
    private static (long[] P, long[] T) Labels(Tensor predictions, Tensor targets)
    {
        var p = (predictions.Dim == 2 ? predictions.Detach().Argmax(1) : predictions.Detach().Long()).ToArray<long>();
        var t = targets.Detach().Long().ToArray<long>();
        if (p.Length != t.Length)
            throw new ArgumentException($"predictions ({p.Length}) and targets ({t.Length}) have different numbers of samples");
        return (p, t);
    }

    private static (double[] P, double[] T) Values(Tensor predictions, Tensor targets)
    {
        var p = predictions.Detach().Double().ToArray<double>();
        var t = targets.Detach().Double().ToArray<double>();
        if (p.Length != t.Length)
            throw new ArgumentException($"predictions ({p.Length}) and targets ({t.Length}) have different numbers of elements");
        return (p, t);
    }
}
