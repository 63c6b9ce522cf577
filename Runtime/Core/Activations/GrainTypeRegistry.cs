using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Activations;

/// <summary>The grain classes of a silo, indexed by grain type, by the grain interfaces they implement, and by the streams they subscribe to.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<string, GrainClass> _byGrainType;
    private readonly FrozenDictionary<Type, GrainClass[]> _byInterface;
    private readonly FrozenDictionary<string, StreamSubscribers> _byNamespace;
    private readonly ConcurrentDictionary<Type, GrainClass> _resolved = new();

    public GrainTypeRegistry(IEnumerable<Type> grainClassTypes)
    {
        var classes = grainClassTypes.Distinct().Select(t => new GrainClass(t)).ToArray();
        var duplicate = classes.GroupBy(c => c.GrainType).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Grain type '{duplicate.Key}' is claimed by {string.Join(" and ", duplicate.Select(c => c.ClassType))}; rename one with [GrainType].");
        Classes = classes;
        _byGrainType = classes.ToFrozenDictionary(c => c.GrainType, StringComparer.Ordinal);
        _byInterface = classes.SelectMany(c => c.GrainInterfaces.Select(i => (Interface: i, Class: c)))
            .GroupBy(p => p.Interface)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Class).ToArray());
        _byNamespace = classes.SelectMany(c => c.StreamNamespaces.Select(ns => (Namespace: ns, Class: c)))
            .GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new StreamSubscribers(g.Key, g.Select(p => p.Class).ToArray()), StringComparer.Ordinal);
    }

    public IReadOnlyList<GrainClass> Classes { get; }

    public static IEnumerable<Type> GrainClassesIn(Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false });

    public GrainClass ForGrainType(string grainType) =>
        _byGrainType.TryGetValue(grainType, out var c)
            ? c
            : throw new InvalidOperationException($"Unknown grain type '{grainType}': no registered grain class has it.");

    public GrainClass ForInterface(Type grainInterface) => _resolved.GetOrAdd(grainInterface, static (i, self) =>
    {
        if (!self._byInterface.TryGetValue(i, out var implementations))
            throw new InvalidOperationException($"No registered grain class implements {i}: add its assembly to the grid.");
        if (implementations.Length > 1)
            throw new InvalidOperationException(
                $"{i} is implemented by several grain classes ({string.Join(", ", implementations.Select(c => c.ClassType.Name))}): the reference is ambiguous.");
        return implementations[0];
    }, this);

    public StreamSubscribers? SubscribersOf(string streamNamespace) => _byNamespace.GetValueOrDefault(streamNamespace);

    public IEnumerable<string> StreamNamespaces => _byNamespace.Keys;
}

/// <summary>The grain classes implicitly subscribed to one stream namespace, with the method descriptor their deliveries are counted under.</summary>
internal sealed class StreamSubscribers(string streamNamespace, GrainClass[] classes)
{
    public GrainClass[] Classes { get; } = classes;

    public GrainMethod Method { get; } = new($"[stream] {streamNamespace}", "OnNextAsync", GrainMethodOptions.System);
}
