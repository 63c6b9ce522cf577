using SupplyGrid.Runtime.Proxies;

namespace SupplyGrid.Runtime;

/// <summary>Creates grain references bound to this silo's runtime.</summary>
internal sealed class GrainFactory(GridRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(new GrainId(GrainTypeOf<TGrainInterface>(), primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainId.Create(GrainTypeOf<TGrainInterface>(), primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainId.Create(GrainTypeOf<TGrainInterface>(), primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain
    {
        var grainClass = runtime.Registry.ForGrainType(grainId.Type);
        if (!typeof(TGrainInterface).IsAssignableFrom(grainClass.ClassType))
            throw new ArgumentException($"Grain {grainId} ({grainClass.ClassType}) does not implement {typeof(TGrainInterface)}.", nameof(grainId));
        return Create<TGrainInterface>(grainId);
    }

    private string GrainTypeOf<TGrainInterface>() => runtime.Registry.ForInterface(typeof(TGrainInterface)).GrainType;

    private TGrainInterface Create<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain =>
        ProxyFactory<TGrainInterface>.CreateProxy(grainId, runtime);
}
