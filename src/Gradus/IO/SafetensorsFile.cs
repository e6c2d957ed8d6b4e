namespace Gradus.IO;

/// <summary>The contents of a safetensors file: its tensors in file order and its <c>__metadata__</c>.</summary>
public sealed class SafetensorsFile
{
    private readonly Dictionary<string, SafetensorsEntry> _byName;

    /// <summary>Wraps already-validated entries and metadata.</summary>
    internal SafetensorsFile(IReadOnlyList<SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Entries = entries;
        Metadata = metadata;
        _byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The tensors, in the order their data lies in the file.</summary>
    public IReadOnlyList<SafetensorsEntry> Entries { get; }

    /// <summary>The free-form string metadata (<c>__metadata__</c>); empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor names, in file order.</summary>
    public IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>The tensor called <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public SafetensorsEntry this[string name] =>
        _byName.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No tensor named '{name}' in the file; it holds: {string.Join(", ", Names)}.");

    /// <summary>Looks up the tensor called <paramref name="name"/>.</summary>
    public bool TryGetEntry(string name, out SafetensorsEntry entry) => _byName.TryGetValue(name, out entry!);
}
