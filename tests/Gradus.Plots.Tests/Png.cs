using System.Buffers.Binary;
using SkiaSharp;

namespace Gradus.Plots.Tests;

/// <summary>Reads rendered PNGs back: the header's size, pixels and simple colour statistics.</summary>
internal sealed class Png : IDisposable
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private Png(SKBitmap bitmap) => Bitmap = bitmap;

    public SKBitmap Bitmap { get; }

    /// <summary>Checks the PNG signature and IHDR chunk and returns the size the header declares.</summary>
    public static (int Width, int Height) HeaderSize(byte[] bytes)
    {
        Assert.True(bytes.Length > 33, $"PNG too short: {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Decodes PNG bytes after checking that the header says <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Png Decode(byte[] bytes, int width, int height)
    {
        Assert.Equal((width, height), HeaderSize(bytes));
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return new Png(bitmap);
    }

    public SKColor At(double x, double y) => Bitmap.GetPixel((int)Math.Round(x), (int)Math.Round(y));

    /// <summary>Number of distinct colours (a blank or single-colour picture has 1).</summary>
    public int DistinctColors()
    {
        var seen = new HashSet<uint>();
        foreach (SKColor c in Bitmap.Pixels) seen.Add((uint)c);
        return seen.Count;
    }

    /// <summary>How many pixels in the rectangle satisfy <paramref name="match"/>.</summary>
    public int Count(double left, double top, double right, double bottom, Func<SKColor, bool> match)
    {
        int n = 0;
        for (int y = Math.Max(0, (int)top); y < Math.Min(Bitmap.Height, (int)bottom); y++)
            for (int x = Math.Max(0, (int)left); x < Math.Min(Bitmap.Width, (int)right); x++)
                if (match(Bitmap.GetPixel(x, y))) n++;
        return n;
    }

    /// <summary>The average colour of the (2r+1)^2 pixels around (x, y).</summary>
    public (double R, double G, double B) Mean(double x, double y, int r = 3)
    {
        double sr = 0, sg = 0, sb = 0;
        int n = 0;
        for (int dy = -r; dy <= r; dy++)
            for (int dx = -r; dx <= r; dx++)
            {
                SKColor c = At(x + dx, y + dy);
                sr += c.Red; sg += c.Green; sb += c.Blue; n++;
            }
        return (sr / n, sg / n, sb / n);
    }

    public static bool IsRed(SKColor c) => c.Red > 180 && c.Green < 80 && c.Blue < 80;

    public void Dispose() => Bitmap.Dispose();
}
