namespace Gradus.Optim;

/// <summary>
/// Base class of the optimizers, as <c>torch.optim.Optimizer</c>: parameter groups, lazily created
/// per-parameter state, <see cref="Step()"/>, <see cref="ZeroGrad"/> and a state dict to resume exactly.
/// </summary>
public abstract class Optimizer
{
    private readonly List<ParamGroup> groups = [];
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> state = new(ReferenceEqualityComparer.Instance);
    private readonly double defaultLr, defaultWeightDecay, defaultMomentum;
    private readonly (double, double) defaultBetas;

    /// <summary>Validates the shared hyperparameters and registers the groups.</summary>
    protected Optimizer(IEnumerable<ParamGroup> paramGroups, double lr, double weightDecay, double momentum = 0, (double, double) betas = default)
    {
        if (lr < 0 || double.IsNaN(lr)) throw new ArgumentException($"Invalid learning rate: {lr}");
        if (weightDecay < 0) throw new ArgumentException($"Invalid weight_decay value: {weightDecay}");
        if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
        (defaultLr, defaultWeightDecay, defaultMomentum, defaultBetas) = (lr, weightDecay, momentum, betas);
        foreach (var g in paramGroups) AddParamGroup(g);
        if (groups.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
    }

    /// <summary>The parameter groups, as <c>optimizer.param_groups</c>.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups => groups;

    /// <summary>Adds a group, as <c>add_param_group</c>; a parameter may belong to one group only.</summary>
    public void AddParamGroup(ParamGroup group)
    {
        group.FillDefaults(defaultLr, defaultWeightDecay, defaultMomentum, defaultBetas);
        if (group.Lr < 0) throw new ArgumentException($"Invalid learning rate: {group.Lr}");
        foreach (var p in group.Params)
        {
            if (!p.IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor");
            if (groups.Any(g => g.Params.Contains(p, ReferenceEqualityComparer.Instance)) ||
                group.Params.Count(q => ReferenceEquals(q, p)) > 1)
                throw new ArgumentException("some parameters appear in more than one parameter group");
        }
        groups.Add(group);
    }

    /// <summary>Performs one update of every parameter that has a gradient, as <c>optimizer.step()</c>.</summary>
    public void Step()
    {
        using var _ = Torch.NoGrad();
        foreach (var g in groups)
            foreach (var p in g.Params)
                if (p.Grad is { } grad)
                {
                    if (!Shapes.SameShape(grad.shape, p.shape))
                        throw new InvalidOperationException($"gradient of shape {Shapes.Format(grad.shape)} does not match parameter of shape {Shapes.Format(p.shape)}");
                    if (!p.IsContiguous) throw new InvalidOperationException("optimizers update parameters in place and need contiguous parameters");
                    var g2 = grad.DType == p.DType ? grad.Contiguous() : grad.To(p.DType).Contiguous();
                    if (p.DType == DType.Float32) Update<float>(g, p, g2, StateOf(p));
                    else Update<double>(g, p, g2, StateOf(p));
                    p.storage.Version++;
                }
        BufferPool.SafePoint();
    }

    /// <summary>Runs <paramref name="closure"/> (which recomputes the loss and gradients), steps, and returns its loss.</summary>
    public Tensor Step(Func<Tensor> closure)
    {
        Tensor loss;
        using (Torch.EnableGrad()) loss = closure();
        Step();
        return loss;
    }

    /// <summary>Updates one parameter from its (contiguous, same-dtype) gradient and its state; T is the parameter's element type.</summary>
    protected abstract void Update<T>(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
        where T : System.Numerics.IFloatingPointIeee754<T>;

    /// <summary>Clears gradients: sets them to null with <paramref name="setToNone"/>, else zeroes them (PyTorch 1.13's default).</summary>
    public void ZeroGrad(bool setToNone = false)
    {
        foreach (var g in groups)
            foreach (var p in g.Params)
            {
                if (p.Grad is null) continue;
                if (setToNone) p.Grad = null;
                else using (Torch.NoGrad()) p.Grad = p.Grad.GradFn is null ? p.Grad.Zero_() : Torch.ZerosLike(p.Grad);
            }
        BufferPool.SafePoint();
    }

    /// <summary>The state tensors of one parameter (created on its first step).</summary>
    public Dictionary<string, Tensor> StateOf(Tensor param)
    {
        if (!state.TryGetValue(param, out var s)) state[param] = s = [];
        return s;
    }

    /// <summary>
    /// The optimizer state as a flat dictionary of tensors, PyTorch's layout with dotted keys:
    /// <c>state.{index}.{name}</c> per parameter and <c>param_groups.{i}.{option}</c> per group.
    /// </summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var d = new Dictionary<string, Tensor>();
        int index = 0;
        for (int gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            foreach (var (k, v) in GroupOptions(g)) d[$"param_groups.{gi}.{k}"] = Torch.Scalar(v, DType.Float64);
            d[$"param_groups.{gi}.params"] = Torch.Arange(index, index + g.Params.Count);
            foreach (var p in g.Params)
            {
                if (state.TryGetValue(p, out var s))
                    foreach (var (k, v) in s) d[$"state.{index}.{k}"] = v.Detach().Clone();
                index++;
            }
        }
        return d;
    }

    /// <summary>Restores a state from <see cref="StateDict"/>; the groups must have the same sizes.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> dict)
    {
        int index = 0;
        var newState = new Dictionary<Tensor, Dictionary<string, Tensor>>(ReferenceEqualityComparer.Instance);
        for (int gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            if (!dict.TryGetValue($"param_groups.{gi}.params", out var ps))
                throw new ArgumentException($"loaded state dict has no entry for parameter group {gi}");
            if (ps.Numel != g.Params.Count)
                throw new ArgumentException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
            foreach (var p in g.Params)
            {
                var prefix = $"state.{index}.";
                var s = dict.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
                    .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value.Detach().Clone());
                foreach (var (k, v) in s)
                    if (k != "step" && k != "mu_product" && !Shapes.SameShape(v.shape, p.shape))
                        throw new ArgumentException($"state '{k}' of parameter {index} has shape {Shapes.Format(v.shape)}, but the parameter has shape {Shapes.Format(p.shape)}");
                if (s.Count > 0) newState[p] = s;
                index++;
            }
        }
        if (dict.Keys.Any(k => k.StartsWith("param_groups.", StringComparison.Ordinal) && int.Parse(k.Split('.')[1]) >= groups.Count))
            throw new ArgumentException("loaded state dict has a different number of parameter groups");
        for (int gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            double Get(string k, double fallback) => dict.TryGetValue($"param_groups.{gi}.{k}", out var t) ? t.Item() : fallback;
            g.Lr = Get("lr", g.Lr);
            g.InitialLr = Get("initial_lr", g.InitialLr);
            g.WeightDecay = Get("weight_decay", g.WeightDecay);
            g.Momentum = Get("momentum", g.Momentum);
            g.Betas = (Get("beta1", g.Betas.Beta1), Get("beta2", g.Betas.Beta2));
        }
        state.Clear();
        foreach (var (p, s) in newState) state[p] = s;
    }

    private static IEnumerable<(string, double)> GroupOptions(ParamGroup g)
    {
        yield return ("lr", g.Lr);
        if (!double.IsNaN(g.InitialLr)) yield return ("initial_lr", g.InitialLr);
        yield return ("weight_decay", g.WeightDecay);
        yield return ("momentum", g.Momentum);
        yield return ("beta1", g.Betas.Beta1);
        yield return ("beta2", g.Betas.Beta2);
    }

    /// <summary>Groups with optimizer defaults from a plain parameter list.</summary>
    protected static IEnumerable<ParamGroup> One(IEnumerable<Tensor> parameters) => [new ParamGroup(parameters)];

    /// <summary>Increments and returns the float32 <c>step</c> counter of a parameter's state, as PyTorch keeps it.</summary>
    protected static double NextStep(Dictionary<string, Tensor> state)
    {
        if (!state.TryGetValue("step", out var step)) state["step"] = step = Torch.Scalar(0);
        step.Data<float>()[step.offset] += 1;
        return step.Data<float>()[step.offset];
    }

    /// <summary>A zero state buffer shaped like the parameter.</summary>
    protected static Tensor Buffer(Dictionary<string, Tensor> state, string name, Tensor like, double init = 0)
    {
        if (!state.TryGetValue(name, out var t)) state[name] = t = Torch.FullLike(like.Detach(), init);
        return t;
    }
}
