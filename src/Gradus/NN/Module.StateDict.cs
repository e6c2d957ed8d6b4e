namespace Gradus.NN;

public abstract partial class Module
{
    /// <summary>
    /// The parameters and persistent buffers by dotted name (<c>0.weight</c>, <c>1.running_mean</c>), in
    /// PyTorch's order, as <c>state_dict()</c>. The tensors are detached and share storage with the module.
    /// </summary>
    public StateDict StateDict()
    {
        var dict = new StateDict();
        AddToStateDict(dict, "");
        return dict;
    }

    private void AddToStateDict(StateDict dict, string prefix)
    {
        foreach (var m in OwnMembers(MemberKind.Parameter))
            if (m.Value is Tensor p) dict[prefix + m.Name] = p.Detach();
        foreach (var m in OwnMembers(MemberKind.Buffer))
            if (m.Value is Tensor b && m.Persistent) dict[prefix + m.Name] = b.Detach();
        foreach (var (name, child) in ChildSlots())
            child.AddToStateDict(dict, prefix + name + ".");
    }

    /// <summary>
    /// Copies parameters and buffers from <paramref name="stateDict"/> into this module, as
    /// <c>load_state_dict(state_dict, strict)</c>. Shape mismatches always throw; with <paramref name="strict"/>
    /// missing or unexpected keys throw too, in PyTorch's words. Returns the missing and unexpected keys.
    /// </summary>
    public IncompatibleKeys LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        var dict = new OrderedDictionary<string, Tensor>();
        foreach (var (k, v) in stateDict) dict[k] = v;
        var missing = new List<string>();
        var unexpected = new List<string>();
        var errors = new List<string>();
        Load(this, "");
        if (strict)
        {
            if (unexpected.Count > 0)
                errors.Insert(0, $"Unexpected key(s) in state_dict: {string.Join(", ", unexpected.Select(k => $"\"{k}\""))}. ");
            if (missing.Count > 0)
                errors.Insert(0, $"Missing key(s) in state_dict: {string.Join(", ", missing.Select(k => $"\"{k}\""))}. ");
        }
        if (errors.Count > 0)
            throw new InvalidOperationException($"Error(s) in loading state_dict for {ClassName}:\n\t{string.Join("\n\t", errors)}");
        return new IncompatibleKeys(missing, unexpected);

        void Load(Module module, string prefix)
        {
            module.LoadFromStateDict(dict, prefix, missing, unexpected, errors);
            foreach (var c in module.OwnMembers(MemberKind.Module))
                if (c.Value is Module child) Load(child, prefix + c.Name + ".");
        }
    }

    /// <summary>
    /// Loads this module's own parameters and persistent buffers from the keys under <paramref name="prefix"/>
    /// and records missing, unexpected and mismatched keys, as PyTorch's <c>_load_from_state_dict</c>.
    /// Override to adapt old checkpoints (call the base method afterwards).
    /// </summary>
    protected virtual void LoadFromStateDict(IDictionary<string, Tensor> stateDict, string prefix,
        List<string> missingKeys, List<string> unexpectedKeys, List<string> errorMessages)
    {
        var local = new HashSet<string>();
        var members = OwnMembers(MemberKind.Parameter).Concat(OwnMembers(MemberKind.Buffer).Where(b => b.Persistent));
        foreach (var m in members)
        {
            if (m.Value is not Tensor target) continue;
            local.Add(m.Name);
            string key = prefix + m.Name;
            if (!stateDict.TryGetValue(key, out var source))
            {
                missingKeys.Add(key);
                continue;
            }
            if (!Shapes.SameShape(source.shape, target.shape))
            {
                errorMessages.Add($"size mismatch for {key}: copying a param with shape {source.Shape} from checkpoint, " +
                                  $"the shape in current model is {target.Shape}.");
                continue;
            }
            try
            {
                using (Torch.NoGrad()) target.Copy_(source);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                errorMessages.Add($"While copying the parameter named \"{key}\", whose dimensions in the model are {target.Shape} " +
                                  $"and whose dimensions in the checkpoint are {source.Shape}, an exception occurred : {ex.Message}.");
            }
        }
        var children = OwnMembers(MemberKind.Module).Select(c => c.Name).ToHashSet();
        foreach (var key in stateDict.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key[prefix.Length..];
            int dot = rest.IndexOf('.');
            var first = dot < 0 ? rest : rest[..dot];
            if (!children.Contains(first) && !local.Contains(first)) unexpectedKeys.Add(key);
        }
    }
}

/// <summary>The keys a non-strict <see cref="Module.LoadStateDict"/> could not match, as PyTorch's <c>_IncompatibleKeys</c>.</summary>
/// <param name="MissingKeys">Keys the module expects that the state dict lacks.</param>
/// <param name="UnexpectedKeys">Keys in the state dict that the module does not have.</param>
public sealed record IncompatibleKeys(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys)
{
    /// <summary>Prints as PyTorch does: <c>&lt;All keys matched successfully&gt;</c> or the two lists.</summary>
    public override string ToString() => MissingKeys.Count == 0 && UnexpectedKeys.Count == 0
        ? "<All keys matched successfully>"
        : $"_IncompatibleKeys(missing_keys=[{string.Join(", ", MissingKeys.Select(k => $"'{k}'"))}], unexpected_keys=[{string.Join(", ", UnexpectedKeys.Select(k => $"'{k}'"))}])";
}
