namespace Gradus.NN;

/// <summary>Base class of every layer and model, as <c>nn.Module</c> (the module helper fills in registration and state).</summary>
public abstract partial class Module
{
}
