namespace Gradus.NN;

/// <summary>
/// The chainable <see cref="Module"/> methods that return the module itself (<c>model.train()</c>,
/// <c>model.to(device)</c>, ...), as extensions so the result keeps its static type:
/// <c>var model = new Sequential(...).To(Device.CPU);</c> is still a <see cref="Sequential"/>.
/// </summary>
public static class ModuleExtensions
{
    /// <summary>Sets training mode on the module and all sub-modules, as <c>train(mode)</c>; returns the module.</summary>
    public static T Train<T>(this T module, bool mode = true) where T : Module
    {
        module.SetTraining(mode);
        return module;
    }

    /// <summary>Sets evaluation mode (dropout off, batch norm uses running statistics), as <c>eval()</c>; returns the module.</summary>
    public static T Eval<T>(this T module) where T : Module => module.Train(false);

    /// <summary>Calls <paramref name="fn"/> on every sub-module and then on the module, as <c>apply(fn)</c>; returns the module.</summary>
    public static T Apply<T>(this T module, Action<Module> fn) where T : Module
    {
        module.ApplyRecursively(fn);
        return module;
    }

    /// <summary>Sets <c>RequiresGrad</c> on every parameter (freezes or unfreezes), as <c>requires_grad_()</c>; returns the module.</summary>
    public static T RequiresGrad_<T>(this T module, bool requiresGrad = true) where T : Module
    {
        foreach (var p in module.Parameters()) p.RequiresGrad = requiresGrad;
        return module;
    }

    /// <summary>Moves parameters and buffers to <paramref name="device"/>, as <c>to(device)</c>; only the CPU exists.</summary>
    public static T To<T>(this T module, Device device) where T : Module
    {
        module.MoveTo(device);
        return module;
    }

    /// <summary>
    /// Converts floating-point parameters and buffers to <paramref name="dtype"/>, as <c>to(dtype)</c>. Parameters are
    /// replaced by new <see cref="Parameter"/> objects: convert before creating an optimizer.
    /// </summary>
    public static T To<T>(this T module, DType dtype) where T : Module
    {
        module.ConvertTo(dtype);
        return module;
    }

    /// <summary>Converts floating-point parameters and buffers to float32, as <c>float()</c>.</summary>
    public static T Float<T>(this T module) where T : Module => module.To(DType.Float32);

    /// <summary>Converts floating-point parameters and buffers to float64, as <c>double()</c>.</summary>
    public static T Double<T>(this T module) where T : Module => module.To(DType.Float64);
}
