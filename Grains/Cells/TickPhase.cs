using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// When a cell's first tick falls: a fixed share of the tick interval chosen by the cell's index, so the cells of a
/// city, which activate together when the grid starts or a backlog arrives, keep recomputing at spread instants rather
/// than all at once every interval (a burst that stalls every other call on the silo). Never later than one interval.
/// </summary>
public static class TickPhase
{
    private const int Slots = 1024;

    public static TimeSpan FirstDue(H3Index cell, TimeSpan interval)
    {
        // A 64-bit mix of the index: neighbouring cells differ only in low digits, which would otherwise bunch up.
        var mixed = cell.Value * 0x9E3779B97F4A7C15UL;
        var slot = (long)(mixed >> 54) + 1; // 1..1024
        return TimeSpan.FromTicks(Math.Max(1, interval.Ticks * slot / Slots));
    }
}
