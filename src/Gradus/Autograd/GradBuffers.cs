namespace Gradus;

/// <summary>
/// The intermediate gradients one backward pass made itself (a node's rule or the engine's sums created their
/// storage): the pass is their only owner, so once the last of them over a storage is consumed, the storage goes
/// back to the <see cref="BufferPool"/>. A gradient handed to user code (hooks, retained or requested
/// gradients) is disowned and left to the GC; so is one adopted as a leaf's <c>.Grad</c>.
/// </summary>
internal sealed class GradBuffers
{
    private readonly Dictionary<Storage, int> holds = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Counts one more pending use of <paramref name="t"/>'s storage; <paramref name="made"/>: the pass created it just
    /// now (a storage made earlier and disowned since is never made again, so it stays untracked).
    /// </summary>
    public void Hold(Tensor t, bool made)
    {
        var s = t.storage;
        if (holds.TryGetValue(s, out int n)) holds[s] = n + 1;
        else if (made) holds[s] = 1;
    }

    /// <summary>One pending use of <paramref name="t"/> is done: the storage is released when it was the last.</summary>
    public void Drop(Tensor t)
    {
        var s = t.storage;
        if (!holds.TryGetValue(s, out int n)) return;
        if (n > 1)
        {
            holds[s] = n - 1;
            return;
        }
        holds.Remove(s);
        s.Release();
    }

    /// <summary>Never release <paramref name="t"/>'s storage: something outside the pass may keep it.</summary>
    public void Disown(Tensor t) => holds.Remove(t.storage);

    /// <summary>
    /// Whether <paramref name="t"/> may become a leaf's gradient without a copy: the pass made it, this is its only
    /// pending use, and it is a plain contiguous tensor over its whole storage. Disowns it when true.
    /// </summary>
    public bool TryAdopt(Tensor t)
    {
        if (!holds.TryGetValue(t.storage, out int n) || n != 1) return false;
        if (t.offset != 0 || t.storage.Data.Length != t.Numel || !t.IsContiguous) return false;
        Disown(t);
        return true;
    }
}
