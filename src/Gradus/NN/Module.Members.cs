using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Gradus.NN;

public abstract partial class Module
{
    /// <summary>What a registered member is: a parameter, a buffer or a sub-module.</summary>
    private enum MemberKind { Parameter, Buffer, Module }

    /// <summary>One registered member: its PyTorch-style name, current value and a way to replace it.</summary>
    private readonly record struct Member(string Name, MemberKind Kind, object? Value, bool Persistent, Action<object?> Set);

    /// <summary>A field that holds a member, with the name it is registered under.</summary>
    private sealed record FieldEntry(FieldInfo Field, string Name, MemberKind? Kind, bool Persistent);

    private static readonly ConcurrentDictionary<Type, FieldEntry[]> FieldCache = new();

    private readonly OrderedDictionary<string, Parameter?> registeredParameters = new();
    private readonly OrderedDictionary<string, Tensor?> registeredBuffers = new();
    private readonly HashSet<string> nonPersistentBuffers = [];
    private readonly OrderedDictionary<string, Module?> registeredModules = new();

    /// <summary>
    /// The fields that register members, base class first and in declaration order in each class.
    /// Fields typed <see cref="Parameter"/> or <see cref="Module"/> (or a subclass) register by type;
    /// fields marked <see cref="BufferAttribute"/> are buffers; fields typed <see cref="Tensor"/> register
    /// as parameters when they hold a <see cref="Parameter"/> (Kind null: decided at run time).
    /// </summary>
    private static FieldEntry[] FieldsOf(Type type) => FieldCache.GetOrAdd(type, static t =>
    {
        var chain = new List<Type>();
        for (var c = t; c is not null && c != typeof(Module); c = c.BaseType) chain.Add(c);
        chain.Reverse();
        var entries = new List<FieldEntry>();
        foreach (var c in chain)
        {
            var fields = c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            Array.Sort(fields, (a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
            foreach (var f in fields)
            {
                var ft = f.FieldType;
                var buffer = f.GetCustomAttribute<BufferAttribute>();
                MemberKind? kind;
                if (buffer is not null)
                {
                    if (!typeof(Tensor).IsAssignableFrom(ft))
                        throw new InvalidOperationException($"{c.Name}.{f.Name}: [Buffer] needs a field of type Tensor, not {ft.Name}");
                    kind = MemberKind.Buffer;
                }
                else if (typeof(Parameter).IsAssignableFrom(ft)) kind = MemberKind.Parameter;
                else if (typeof(Module).IsAssignableFrom(ft)) kind = MemberKind.Module;
                else if (ft == typeof(Tensor)) kind = null;
                else continue;
                entries.Add(new FieldEntry(f, PyTorchName(f.Name), kind, buffer?.Persistent ?? true));
            }
        }
        return entries.ToArray();
    });

    /// <summary>
    /// The PyTorch name of a C# field: auto-property backing fields use the property's name, leading
    /// underscores are dropped and PascalCase / camelCase becomes snake_case (<c>RunningMean</c> -&gt; <c>running_mean</c>).
    /// </summary>
    internal static string PyTorchName(string fieldName)
    {
        var name = fieldName;
        if (name.StartsWith('<') && name.IndexOf('>') is var close and > 0) name = name[1..close];
        name = name.TrimStart('_');
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char ch = name[i];
            if (char.IsUpper(ch))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsAcronym) sb.Append('_');
                sb.Append(char.ToLowerInvariant(ch));
            }
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>This module's own members of one kind (field-registered first, then registered by name), nulls included.</summary>
    private IEnumerable<Member> OwnMembers(MemberKind kind)
    {
        foreach (var e in FieldsOf(GetType()))
        {
            var value = e.Field.GetValue(this);
            var k = e.Kind ?? (value is Parameter ? MemberKind.Parameter : null);
            if (k != kind) continue;
            var field = e.Field;
            yield return new Member(e.Name, kind, value, e.Persistent, v => field.SetValue(this, v));
        }
        switch (kind)
        {
            case MemberKind.Parameter:
                foreach (var name in registeredParameters.Keys.ToArray())
                    yield return new Member(name, kind, registeredParameters[name], true, v => registeredParameters[name] = (Parameter?)v);
                break;
            case MemberKind.Buffer:
                foreach (var name in registeredBuffers.Keys.ToArray())
                    yield return new Member(name, kind, registeredBuffers[name], !nonPersistentBuffers.Contains(name), v => registeredBuffers[name] = (Tensor?)v);
                break;
            default:
                foreach (var name in registeredModules.Keys.ToArray())
                    yield return new Member(name, kind, registeredModules[name], true, v => registeredModules[name] = (Module?)v);
                break;
        }
    }

    /// <summary>Checks a name given to a Register* method, with PyTorch's messages.</summary>
    private void CheckNewName(string name, string what, MemberKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new ArgumentException($"{what} name can't be empty string \"\"");
        if (name.Contains('.')) throw new ArgumentException($"{what} name can't contain \".\", got: {name}");
        foreach (var e in FieldsOf(GetType()))
            if (e.Name == name)
                throw new ArgumentException($"attribute '{name}' already exists");
        bool taken = kind switch
        {
            MemberKind.Parameter => registeredBuffers.ContainsKey(name) || registeredModules.ContainsKey(name),
            MemberKind.Buffer => registeredParameters.ContainsKey(name) || registeredModules.ContainsKey(name),
            _ => registeredParameters.ContainsKey(name) || registeredBuffers.ContainsKey(name),
        };
        if (taken) throw new ArgumentException($"attribute '{name}' already exists");
    }

    /// <summary>Adds (or replaces) a parameter under <paramref name="name"/>, as <c>register_parameter</c>; null registers an absent parameter.</summary>
    public void RegisterParameter(string name, Parameter? parameter)
    {
        CheckNewName(name, "parameter", MemberKind.Parameter);
        registeredParameters[name] = parameter;
    }

    /// <summary>Adds (or replaces) a buffer, as <c>register_buffer</c>; a non-persistent buffer stays out of the state dict.</summary>
    public void RegisterBuffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckNewName(name, "buffer", MemberKind.Buffer);
        if (tensor is Parameter)
            throw new ArgumentException($"cannot assign a Parameter as buffer '{name}': use RegisterParameter");
        registeredBuffers[name] = tensor;
        if (persistent) nonPersistentBuffers.Remove(name);
        else nonPersistentBuffers.Add(name);
    }

    /// <summary>Adds (or replaces) a child module, as <c>register_module</c> / <c>add_module</c>.</summary>
    public void RegisterModule(string name, Module? module)
    {
        CheckNewName(name, "module", MemberKind.Module);
        registeredModules[name] = module;
    }
}
