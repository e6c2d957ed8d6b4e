using Gradus.Random;

namespace Gradus.Data;

/// <summary>The seed draws of PyTorch's data loading.</summary>
internal static class Seeds
{
    /// <summary>
    /// <c>int(torch.empty((), dtype=torch.int64).random_(generator=g).item())</c>: one 64-bit draw reduced to
    /// [0, 2^63), as ATen's <c>uniform_int</c> does for int64 (<c>random64() % (INT64_MAX + 1)</c>).
    /// </summary>
    public static long Draw(Generator generator) => (long)(generator.NextUInt64() & long.MaxValue);
}
