namespace Gradus.NN;

/// <summary>
/// Marks a <see cref="Tensor"/> field of a <see cref="Module"/> as a buffer (state that is saved but not
/// trained, such as batch norm's running mean), as <c>register_buffer</c> does.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class BufferAttribute : Attribute
{
    /// <summary>Whether the buffer is part of <see cref="Module.StateDict"/> (PyTorch's <c>persistent</c>); true by default.</summary>
    public bool Persistent { get; init; } = true;
}
