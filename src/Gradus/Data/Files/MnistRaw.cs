using Gradus.IO;

namespace Gradus.Data.Files;

/// <summary>The raw arrays of an MNIST-style split: <see cref="Count"/> images of <see cref="Rows"/>x<see cref="Cols"/> bytes, row-major, and one label byte each.</summary>
public readonly record struct MnistArrays(byte[] Images, byte[] Labels, int Count, int Rows, int Cols);

/// <summary>Loads MNIST-style IDX files (Fashion-MNIST, MNIST digits) into raw byte arrays.</summary>
public static class MnistRaw
{
    /// <summary>
    /// Loads the train (<c>train-*</c>) or test (<c>t10k-*</c> or <c>test-*</c>) images and labels in
    /// <paramref name="dir"/> (<c>*-images-idx3-ubyte</c> and <c>*-labels-idx1-ubyte</c>, plain or .gz), checking that
    /// the images are ubyte [count, rows, cols], the labels ubyte [count], and that the counts match.
    /// </summary>
    public static MnistArrays Load(string dir, bool train)
    {
        ArgumentException.ThrowIfNullOrEmpty(dir);
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"MNIST folder '{dir}' does not exist.");
        string imagesPath = FindFile(dir, train, images: true)
            ?? throw new FileNotFoundException($"No {FileDescription(train, images: true)} in '{dir}'.");
        string labelsPath = FindFile(dir, train, images: false)
            ?? throw new FileNotFoundException($"No {FileDescription(train, images: false)} in '{dir}'.");

        var images = Idx.Read(imagesPath);
        if (images.TypeCode != Idx.UByte || images.Dims.Length != 3)
            throw new InvalidDataException(
                $"{imagesPath}: expected ubyte images of shape [count, rows, cols], found type 0x{images.TypeCode:X2} with dims [{string.Join(", ", images.Dims)}].");
        var labels = Idx.Read(labelsPath);
        if (labels.TypeCode != Idx.UByte || labels.Dims.Length != 1)
            throw new InvalidDataException(
                $"{labelsPath}: expected ubyte labels of shape [count], found type 0x{labels.TypeCode:X2} with dims [{string.Join(", ", labels.Dims)}].");
        if (images.Dims[0] != labels.Dims[0])
            throw new InvalidDataException(
                $"{imagesPath} holds {images.Dims[0]} images but {labelsPath} holds {labels.Dims[0]} labels; the counts must match.");
        return new MnistArrays(images.Data, labels.Data, images.Dims[0], images.Dims[1], images.Dims[2]);
    }

    /// <summary>Whether <paramref name="dir"/> holds all four files (train and test images and labels).</summary>
    public static bool HasFiles(string dir) =>
        Directory.Exists(dir)
        && FindFile(dir, true, true) is not null && FindFile(dir, true, false) is not null
        && FindFile(dir, false, true) is not null && FindFile(dir, false, false) is not null;

    /// <summary>The path of one of the four files in <paramref name="dir"/>, or null when it is absent.</summary>
    internal static string? FindFile(string dir, bool train, bool images)
    {
        string[] prefixes = train ? ["train"] : ["t10k", "test"];
        string kind = images ? "images" : "labels";
        string idx = images ? "idx3-ubyte" : "idx1-ubyte";
        foreach (string prefix in prefixes)
        {
            foreach (char separator in "-.")
            {
                foreach (string suffix in new[] { ".gz", "" })
                {
                    string path = Path.Combine(dir, $"{prefix}-{kind}{separator}{idx}{suffix}");
                    if (File.Exists(path))
                        return path;
                }
            }
        }
        return null;
    }

    private static string FileDescription(bool train, bool images) =>
        (train, images) switch
        {
            (true, true) => "train-images-idx3-ubyte[.gz]",
            (true, false) => "train-labels-idx1-ubyte[.gz]",
            (false, true) => "t10k-images-idx3-ubyte[.gz] (or test-images-idx3-ubyte[.gz])",
            (false, false) => "t10k-labels-idx1-ubyte[.gz] (or test-labels-idx1-ubyte[.gz])",
        };
}
