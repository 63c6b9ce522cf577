using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Grains;

/// <summary>
/// References to the grains of one interface, built from its grain type and interface type resolved once. Orleans
/// 10.4.2 resolves both by reflection, allocating, on every <c>GetGrain&lt;T&gt;(key)</c>: a sixth of the CPU per record
/// on the path that hands every Kafka record to its grain, and in the ODRD ranking (fifty drivers a call).
/// </summary>
internal sealed class KeyedGrains<T>(IGrainFactory grains) where T : IGrainWithStringKey
{
    private readonly Lazy<(GrainType Type, GrainInterfaceType Interface)> _types = new(() =>
    {
        var sample = (GrainReference)(object)grains.GetGrain<T>("type-probe");
        return (sample.GrainId.Type, sample.InterfaceType);
    });

    public T Get(string key)
    {
        var (type, iface) = _types.Value;
        return (T)grains.GetGrain(GrainId.Create(type, key), iface);
    }
}
