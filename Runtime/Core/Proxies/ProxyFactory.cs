using System.Reflection;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Proxies;

/// <summary>Finds the generated proxy of <typeparamref name="TGrainInterface"/> once and creates instances without reflection.</summary>
internal static class ProxyFactory<TGrainInterface>
    where TGrainInterface : IGrain
{
    private static readonly Func<GrainId, IGrainCallSink, TGrainInterface> Create = Find();

    public static TGrainInterface CreateProxy(GrainId grainId, IGrainCallSink sink) => Create(grainId, sink);

    private static Func<GrainId, IGrainCallSink, TGrainInterface> Find()
    {
        var type = typeof(TGrainInterface);
        var attribute = type.Assembly.GetCustomAttributes<GrainProxyAttribute>().FirstOrDefault(a => a.GrainInterface == type)
            ?? throw new InvalidOperationException(
                $"No generated proxy for grain interface {type}: reference SupplyGrid.Runtime.Generator as an analyzer from the project that declares it.");
        var create = attribute.ProxyType.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(GrainId), typeof(IGrainCallSink)])
            ?? throw new InvalidOperationException($"Proxy {attribute.ProxyType} has no static Create(GrainId, IGrainCallSink) method.");
        return create.CreateDelegate<Func<GrainId, IGrainCallSink, TGrainInterface>>();
    }
}
