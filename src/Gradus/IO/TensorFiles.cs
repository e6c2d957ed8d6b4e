namespace Gradus.IO;

/// <summary>
/// Tensors to and from safetensors files, as <c>safetensors.torch.save_file</c> / <c>load_file</c>:
/// a state dict saved here loads in PyTorch and back, names and values unchanged.
/// </summary>
public static class TensorFiles
{
    /// <summary>Writes named tensors (any layout; stored contiguous) atomically: temporary file, then rename.</summary>
    public static void SaveFile(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
        => Safetensors.Write(path, tensors.Select(kv => ToEntry(kv.Key, kv.Value)), metadata);

    /// <summary>Reads every tensor of a safetensors file (F32, F64, I64 and BOOL), in file order.</summary>
    public static Dictionary<string, Tensor> LoadFile(string path) => LoadFile(path, out _);

    /// <summary>Reads every tensor and the file's string metadata.</summary>
    public static Dictionary<string, Tensor> LoadFile(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        var file = Safetensors.Read(path);
        metadata = file.Metadata;
        var result = new Dictionary<string, Tensor>();
        foreach (var e in file.Entries) result[e.Name] = FromEntry(e, path);
        return result;
    }

    /// <summary>The safetensors dtype name of a Gradus dtype.</summary>
    public static string DTypeName(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.Int64 => "I64",
        _ => "BOOL",
    };

    internal static SafetensorsEntry ToEntry(string name, Tensor t)
    {
        var c = t.Detach().Contiguous();
        long[] shape = Array.ConvertAll(c.shape, s => (long)s);
        return c.DType switch
        {
            DType.Float32 => SafetensorsEntry.FromArray<float>(name, "F32", c.Span<float>(), shape),
            DType.Float64 => SafetensorsEntry.FromArray<double>(name, "F64", c.Span<double>(), shape),
            DType.Int64 => SafetensorsEntry.FromArray<long>(name, "I64", c.Span<long>(), shape),
            _ => SafetensorsEntry.FromArray<bool>(name, "BOOL", c.Span<bool>(), shape),
        };
    }

    internal static Tensor FromEntry(SafetensorsEntry e, string file)
    {
        int[] shape = Array.ConvertAll(e.Shape, s => checked((int)s));
        return e.DType switch
        {
            "F32" => new Tensor(e.ToArray<float>(), shape, DType.Float32),
            "F64" => new Tensor(e.ToArray<double>(), shape, DType.Float64),
            "I64" => new Tensor(e.ToArray<long>(), shape, DType.Int64),
            "BOOL" => new Tensor(e.ToArray<bool>(), shape, DType.Bool),
            _ => throw new DataFormatException(file, 0, $"tensor '{e.Name}' has dtype {e.DType}, which Gradus does not load (F32, F64, I64 or BOOL)"),
        };
    }
}
