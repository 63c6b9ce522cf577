using System.Collections.Concurrent;
using SupplyGrid.Geo;
using SupplyGrid.Runtime;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// One shared reference per cell grain. A driver changes cell every few dozen pings and every cell keeps references to
/// its neighbours; sharing them saves each a key string and a proxy (about 90 bytes per driver, 18 per cell).
/// </summary>
public sealed class CellReferences(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<ulong, ICellGrain> _cells = new();

    public ICellGrain Get(H3Index cell) =>
        _cells.TryGetValue(cell.Value, out var grain)
            ? grain
            : _cells.GetOrAdd(cell.Value, static (value, factory) => factory.GetGrain<ICellGrain>(new H3Index(value).ToString()), grains);
}
