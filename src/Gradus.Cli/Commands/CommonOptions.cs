using System.CommandLine;

namespace Gradus.Cli.Commands;

/// <summary>Options several commands share, each built fresh for the command it is added to.</summary>
internal static class CommonOptions
{
    /// <summary><c>--out DIR</c>: where pictures and reports go.</summary>
    public static Option<string> Out(string defaultDir, string what) => new("--out", "-o")
    {
        Description = $"Folder to write {what} to (created when missing)",
        DefaultValueFactory = _ => defaultDir,
        HelpName = "DIR",
    };

    /// <summary><c>--data DIR</c>: a folder holding the data sets.</summary>
    public static Option<string?> Data() => new("--data")
    {
        Description = "Folder holding the data set (its IDX files, or a fashion-mnist/ or digits/ folder); default: $GRADUS_DATA, " +
                      "Debian's /usr/share/datasets, then the samples in data/",
        HelpName = "DIR",
    };

    /// <summary><c>--quick</c>: small samples, few epochs.</summary>
    public static Option<bool> Quick() => new("--quick")
    {
        Description = "Use the small data samples and few epochs (the whole course in about a minute)",
    };

    /// <summary>Adds a validator that rejects values not above zero.</summary>
    public static Option<T> Positive<T>(this Option<T> option) where T : struct, System.Numerics.INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (Token<T>(result.Tokens) is { } value && value <= T.Zero)
                result.AddError($"{option.Name} must be positive, got {value}");
        });
        return option;
    }

    /// <summary>
    /// The value of a single-token option or argument, or null when it is absent or does not parse (the parser reports
    /// that itself); validators read it this way because they also run after a failed conversion.
    /// </summary>
    public static T? Token<T>(IReadOnlyList<System.CommandLine.Parsing.Token> tokens) where T : struct, System.Numerics.INumber<T> =>
        tokens.Count == 1 && T.TryParse(tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out T value) ? value : null;
}
