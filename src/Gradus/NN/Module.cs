namespace Gradus.NN;

/// <summary>
/// Base class of every layer and model, as <c>nn.Module</c>. Parameters, buffers and sub-modules held in
/// fields register themselves (base class first, in declaration order), or by name through
/// <see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/> and <see cref="RegisterModule"/>.
/// Run a module with <see cref="Call(Tensor)"/> (PyTorch's <c>model(x)</c>: runs hooks) or <see cref="Forward"/>.
/// </summary>
public abstract partial class Module
{
    private readonly List<(int Id, Action<Module, Tensor> Hook)> forwardPreHooks = [];
    private readonly List<(int Id, Action<Module, Tensor, Tensor> Hook)> forwardHooks = [];
    private int nextHookId;

    /// <summary>True in training mode (the default), false after <c>Eval()</c>, as <c>module.training</c>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The computation of this module, as <c>forward</c>. Prefer <see cref="Call(Tensor)"/>, which also runs hooks.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Runs the module on <paramref name="input"/> with its forward hooks, as PyTorch's <c>model(x)</c>.</summary>
    public Tensor Call(Tensor input)
    {
        // No frame below a module call reads tensor memory: arrays of collected storages may rejoin the pool here.
        BufferPool.SafePoint(mayCollect: false);
        foreach (var (_, hook) in forwardPreHooks.ToArray()) hook(this, input);
        var output = Forward(input);
        foreach (var (_, hook) in forwardHooks.ToArray()) hook(this, input, output);
        return output;
    }

    /// <summary>Registers <c>hook(module, input)</c> run before every <see cref="Call(Tensor)"/>; dispose the handle to remove it.</summary>
    public IDisposable RegisterForwardPreHook(Action<Module, Tensor> hook)
    {
        int id = nextHookId++;
        forwardPreHooks.Add((id, hook));
        return new HookHandle(() => forwardPreHooks.RemoveAll(h => h.Id == id));
    }

    /// <summary>Registers <c>hook(module, input, output)</c> run after every <see cref="Call(Tensor)"/>; dispose the handle to remove it.</summary>
    public IDisposable RegisterForwardHook(Action<Module, Tensor, Tensor> hook)
    {
        int id = nextHookId++;
        forwardHooks.Add((id, hook));
        return new HookHandle(() => forwardHooks.RemoveAll(h => h.Id == id));
    }

    /// <summary>Runs the hooks of a module called with two tensors (a loss): pre-hooks see the input, hooks the output.</summary>
    private protected Tensor CallWith(Tensor input, Func<Tensor> forward)
    {
        foreach (var (_, hook) in forwardPreHooks.ToArray()) hook(this, input);
        var output = forward();
        foreach (var (_, hook) in forwardHooks.ToArray()) hook(this, input, output);
        return output;
    }

    /// <summary>Sets training mode on this module and all sub-modules (the body of <c>train(mode)</c>).</summary>
    internal void SetTraining(bool mode)
    {
        Training = mode;
        foreach (var child in Children()) child.SetTraining(mode);
    }

    /// <summary>The parameters of this module (and of its sub-modules when <paramref name="recurse"/>), each once, as <c>parameters()</c>.</summary>
    public IEnumerable<Parameter> Parameters(bool recurse = true) => NamedParameters("", recurse).Select(p => p.Parameter);

    /// <summary>Parameters with dotted names such as <c>0.weight</c>, each once, as <c>named_parameters()</c>.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(string prefix = "", bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (modulePrefix, module) in recurse ? NamedModules(prefix) : [(prefix, this)])
            foreach (var m in module.OwnMembers(MemberKind.Parameter))
                if (m.Value is Parameter p && seen.Add(p))
                    yield return (Join(modulePrefix, m.Name), p);
    }

    /// <summary>The buffers (running statistics and the like), each once, as <c>buffers()</c>.</summary>
    public IEnumerable<Tensor> Buffers(bool recurse = true) => NamedBuffers("", recurse).Select(b => b.Buffer);

    /// <summary>Buffers with dotted names such as <c>1.running_mean</c>, as <c>named_buffers()</c>.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(string prefix = "", bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (modulePrefix, module) in recurse ? NamedModules(prefix) : [(prefix, this)])
            foreach (var m in module.OwnMembers(MemberKind.Buffer))
                if (m.Value is Tensor b && seen.Add(b))
                    yield return (Join(modulePrefix, m.Name), b);
    }

    /// <summary>The direct sub-modules, each once, as <c>children()</c>.</summary>
    public IEnumerable<Module> Children() => NamedChildren().Select(c => c.Module);

    /// <summary>The direct sub-modules with their names, each once, as <c>named_children()</c>.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        foreach (var m in OwnMembers(MemberKind.Module))
            if (m.Value is Module child && seen.Add(child))
                yield return (m.Name, child);
    }

    /// <summary>The direct sub-modules in registration order, repeats kept (what Sequential runs).</summary>
    internal IEnumerable<(string Name, Module Module)> ChildSlots() =>
        OwnMembers(MemberKind.Module).Where(c => c.Value is Module).Select(c => (c.Name, (Module)c.Value!));

    /// <summary>This module and every sub-module, depth first, each once, as <c>modules()</c>.</summary>
    public IEnumerable<Module> Modules() => NamedModules().Select(m => m.Module);

    /// <summary>This module (named <paramref name="prefix"/>) and every sub-module with dotted names, as <c>named_modules()</c>.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(string, Module)>();
        stack.Push((prefix, this));
        while (stack.Count > 0)
        {
            var (name, module) = stack.Pop();
            if (!seen.Add(module)) continue;
            yield return (name, module);
            var children = module.OwnMembers(MemberKind.Module).Where(c => c.Value is Module).ToArray();
            for (int i = children.Length - 1; i >= 0; i--)
                stack.Push((Join(name, children[i].Name), (Module)children[i].Value!));
        }
    }

    /// <summary>The sub-module at a dotted path such as <c>features.0</c>, as <c>get_submodule</c>.</summary>
    public Module GetSubmodule(string target)
    {
        if (target.Length == 0) return this;
        Module module = this;
        foreach (var item in target.Split('.'))
        {
            var next = module.NamedChildren().FirstOrDefault(c => c.Name == item).Module;
            module = next ?? throw new ArgumentException($"{module.GetType().Name} has no attribute `{item}`");
        }
        return module;
    }

    /// <summary>The parameter at a dotted path such as <c>0.weight</c>, as <c>get_parameter</c>.</summary>
    public Parameter GetParameter(string target)
    {
        var (module, name) = SplitTarget(target);
        return module.NamedParameters(recurse: false).FirstOrDefault(p => p.Name == name).Parameter
            ?? throw new ArgumentException($"{module.GetType().Name} has no parameter `{name}`");
    }

    /// <summary>The buffer at a dotted path such as <c>1.running_mean</c>, as <c>get_buffer</c>.</summary>
    public Tensor GetBuffer(string target)
    {
        var (module, name) = SplitTarget(target);
        return module.NamedBuffers(recurse: false).FirstOrDefault(b => b.Name == name).Buffer
            ?? throw new ArgumentException($"{module.GetType().Name} has no buffer `{name}`");
    }

    private (Module Module, string Name) SplitTarget(string target)
    {
        int dot = target.LastIndexOf('.');
        return dot < 0 ? (this, target) : (GetSubmodule(target[..dot]), target[(dot + 1)..]);
    }

    /// <summary>
    /// Clears the gradients of all parameters, as <c>zero_grad()</c>. PyTorch 1.13's default zeroes them in
    /// place; <paramref name="setToNone"/> sets them to null instead (PyTorch 2's default).
    /// </summary>
    public void ZeroGrad(bool setToNone = false)
    {
        foreach (var p in Parameters())
        {
            if (p.Grad is not { } g) continue;
            if (setToNone) { p.Grad = null; continue; }
            if (g.GradFn is not null) g.Detach_();
            else if (g.RequiresGrad) g.RequiresGrad = false;
            g.Zero_();
        }
    }

    /// <summary>Calls <paramref name="fn"/> on every sub-module and then on this one (the body of <c>apply(fn)</c>).</summary>
    internal void ApplyRecursively(Action<Module> fn)
    {
        foreach (var child in Children()) child.ApplyRecursively(fn);
        fn(this);
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> (the body of <c>to(dtype)</c>).</summary>
    internal void ConvertTo(DType dtype)
    {
        if (!DTypes.IsFloat(dtype)) throw new ArgumentException($"nn.Module.to only accepts floating point dtypes, but got desired dtype={dtype}");
        ConvertTensors(t => t.To(dtype), floatingOnly: true);
    }

    /// <summary>Moves parameters and buffers to <paramref name="device"/> (the body of <c>to(device)</c>).</summary>
    internal void MoveTo(Device device) => ConvertTensors(t => t.To(device), floatingOnly: false);

    /// <summary>Applies <paramref name="fn"/> to every parameter, gradient and buffer of every module, replacing changed ones.</summary>
    private void ConvertTensors(Func<Tensor, Tensor> fn, bool floatingOnly)
    {
        foreach (var module in Modules())
        {
            foreach (var m in module.OwnMembers(MemberKind.Parameter))
            {
                if (m.Value is not Parameter p || (floatingOnly && !p.IsFloatingPoint)) continue;
                Tensor converted;
                using (Torch.NoGrad()) converted = fn(p);
                if (ReferenceEquals(converted, p)) continue;
                var replaced = new Parameter(converted.Detach(), p.RequiresGrad);
                if (p.Grad is { } g) using (Torch.NoGrad()) replaced.Grad = fn(g).Detach();
                m.Set(replaced);
            }
            foreach (var m in module.OwnMembers(MemberKind.Buffer))
            {
                if (m.Value is not Tensor b || (floatingOnly && !b.IsFloatingPoint)) continue;
                Tensor converted;
                using (Torch.NoGrad()) converted = fn(b);
                if (!ReferenceEquals(converted, b)) m.Set(converted.Detach());
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>Removes a hook when disposed, as PyTorch's <c>RemovableHandle.remove()</c>.</summary>
    private sealed class HookHandle(Action remove) : IDisposable
    {
        private Action? remove = remove;

        public void Dispose()
        {
            remove?.Invoke();
            remove = null;
        }
    }
}
