using System.Runtime.CompilerServices;

namespace Gradus.Data;

/// <summary>
/// Moves the tensors of a batch a loading thread made over to the consuming thread, so their memory goes back to the
/// buffer pool when the consumer is done with them (the loader never touches a batch after handing it over).
/// </summary>
internal static class Handover
{
    /// <summary>Adopts every tensor in <paramref name="batch"/>: a tensor, a sequence of them, or a tuple (nested).</summary>
    public static void Adopt(object? batch)
    {
        switch (batch)
        {
            case Tensor t:
                t.storage.Adopt();
                break;
            case IEnumerable<Tensor> tensors:
                foreach (var t in tensors) t.storage.Adopt();
                break;
            case ITuple tuple:
                for (int i = 0; i < tuple.Length; i++) Adopt(tuple[i]);
                break;
        }
    }
}
