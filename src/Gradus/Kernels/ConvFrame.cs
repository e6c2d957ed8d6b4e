using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gradus.Kernels;

/// <summary>
/// The zero-padded copy of one image that the direct convolution reads as flat rows: <see cref="Channels"/> planes
/// of <see cref="Hs"/> x <see cref="Ws"/>, the source planes (SrcH x SrcW) placed at (PadTop, PadLeft), and
/// <see cref="Slack"/> zeros after the last plane so that whole vectors read past a row's valid columns stay inside.
/// Output row oh of a stride-1 window is the flat positions oh·Ws .. oh·Ws + OutW − 1; <see cref="Lfp"/> rounds
/// the OutH·Ws flat positions up to whole vectors.
/// </summary>
internal readonly record struct ConvFrame(int Channels, int SrcH, int SrcW, int PadTop, int PadLeft, int Hs, int Ws, int OutH, int OutW,
    int Lfp, int Slack)
{
    /// <summary>Elements of one padded plane.</summary>
    public int Plane => Hs * Ws;

    /// <summary>Elements of the whole padded image, slack included.</summary>
    public int Length => Channels * Plane + Slack;

    /// <summary>
    /// The frame for a stride-1 window reading a channels x srcH x srcW image with the given zero padding, whose
    /// output is outH x outW, for vectors of <paramref name="vector"/> elements.
    /// </summary>
    public static ConvFrame For(int channels, int srcH, int srcW, int padH, int padW, int outH, int outW, int kernelW, int dilationW, int vector)
    {
        int hs = srcH + 2 * padH, ws = srcW + 2 * padW;
        int lfp = (outH * ws + vector - 1) / vector * vector;
        // The last read of the last plane ends at most (kw − 1)·dW + vector − 1 elements past it.
        return new ConvFrame(channels, srcH, srcW, padH, padW, hs, ws, outH, outW, lfp, (kernelW - 1) * dilationW + vector);
    }

    /// <summary>Copies one source image (channels x SrcH x SrcW, contiguous) into its padded frame at <paramref name="frame"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void Fill<T>(T* source, T* frame) where T : unmanaged
    {
        new Span<T>(frame, Length).Clear();
        for (int c = 0; c < Channels; c++)
        {
            T* dst = frame + (nint)c * Plane + (nint)PadTop * Ws + PadLeft;
            T* src = source + (nint)c * SrcH * SrcW;
            for (int h = 0; h < SrcH; h++, dst += Ws, src += SrcW)
                new ReadOnlySpan<T>(src, SrcW).CopyTo(new Span<T>(dst, SrcW));
        }
    }

    /// <summary>Flat tap offsets of a kh x kw window over <paramref name="channels"/> planes (channel, then i, then j), padded with zeros to a multiple of <paramref name="multiple"/>.</summary>
    public int[] Offsets(int channels, Window2d w, int multiple)
    {
        int taps = channels * w.KernelH * w.KernelW;
        var offsets = new int[(taps + multiple - 1) / multiple * multiple];
        int k = 0;
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < w.KernelH; i++)
                for (int j = 0; j < w.KernelW; j++)
                {
                    offsets[k++] = c * Plane + i * w.DilationH * Ws + j * w.DilationW;
                }
        return offsets;
    }
}

/// <summary>Per-thread, pinned scratch buffers of the direct convolution, grown on demand and reused.</summary>
internal static unsafe class ConvScratch<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic] private static T[]? s_frames;
    [ThreadStatic] private static T[]? s_rows;

    /// <summary>This thread's buffer for padded frames, at least <paramref name="length"/> elements.</summary>
    public static T* Frames(long length) => Get(ref s_frames, length);

    /// <summary>This thread's buffer for flat output rows, at least <paramref name="length"/> elements.</summary>
    public static T* Rows(long length) => Get(ref s_rows, length);

    private static T* Get(ref T[]? buffer, long length)
    {
        long padded = length + Alignment / sizeof(T);
        if (buffer is null || buffer.Length < padded)
            buffer = GC.AllocateUninitializedArray<T>(checked((int)padded), pinned: true);
        nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((p + (Alignment - 1)) & ~(nint)(Alignment - 1));
    }
}
