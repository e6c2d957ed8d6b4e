namespace Gradus.NN;

/// <summary>
/// A chain of modules run one after another, as <c>nn.Sequential</c>. Children are named "0", "1", ...
/// or by the names given as (name, module) pairs.
/// </summary>
public class Sequential : Module
{
    /// <summary>An empty chain to fill with <see cref="Append"/> or <see cref="Module.RegisterModule"/>, as <c>nn.Sequential()</c>.</summary>
    public Sequential() { }

    /// <summary>Chains <paramref name="modules"/>, named by position, as <c>nn.Sequential(m1, m2)</c>.</summary>
    public Sequential(params Module[] modules)
    {
        for (int i = 0; i < modules.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), modules[i]);
    }

    /// <summary>Chains named modules, as <c>nn.Sequential(OrderedDict([("fc", ...), ...]))</c>.</summary>
    public Sequential(params (string Name, Module Module)[] modules)
    {
        foreach (var (name, module) in modules)
        {
            if (ChildSlots().Any(c => c.Name == name))
                throw new ArgumentException($"Sequential: duplicate module name '{name}'");
            RegisterModule(name, module);
        }
    }

    /// <summary>The number of modules in the chain, as <c>len(seq)</c>.</summary>
    public int Count => ChildSlots().Count();

    /// <summary>The module at a position (C# indices work: <c>seq[^1]</c>), as <c>seq[i]</c>.</summary>
    public Module this[int index]
    {
        get
        {
            var children = ChildSlots().ToArray();
            int i = index < 0 ? index + children.Length : index;
            if (i < 0 || i >= children.Length)
                throw new IndexOutOfRangeException($"index {index} is out of range");
            return children[i].Module;
        }
    }

    /// <summary>The module with a given name, as <c>seq.fc</c> for a named Sequential.</summary>
    public Module this[string name] =>
        ChildSlots().FirstOrDefault(c => c.Name == name).Module ?? throw new ArgumentException($"Sequential has no module named '{name}'");

    /// <summary>A new Sequential of <paramref name="length"/> modules from <paramref name="start"/>, keeping their names (used by <c>seq[1..3]</c>).</summary>
    public Sequential Slice(int start, int length) => new(ChildSlots().Skip(start).Take(length).ToArray());

    /// <summary>Adds a module at the end under the next positional name, as <c>append</c>; returns this Sequential.</summary>
    public Sequential Append(Module module)
    {
        RegisterModule(Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        return this;
    }

    /// <summary>Runs each module on the previous one's output.</summary>
    public override Tensor Forward(Tensor input)
    {
        foreach (var (_, m) in ChildSlots()) input = m.Call(input);
        return input;
    }
}
