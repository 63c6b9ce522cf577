using SupplyGrid.Geo;
using SupplyGrid.Grains.Cells;

namespace SupplyGrid.Grains.Tests.Policies;

public sealed class TickPhaseTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_first_tick_falls_within_one_interval_and_is_the_same_for_a_cell_every_time()
    {
        foreach (var cell in H3.GridDisk(H3.LatLngToCell(1.2810, 103.8543, 8), 6))
        {
            var due = TickPhase.FirstDue(cell, Interval);
            Assert.InRange(due, TimeSpan.FromTicks(1), Interval);
            Assert.Equal(due, TickPhase.FirstDue(cell, Interval));
        }
    }

    [Fact]
    public void The_cells_of_a_neighbourhood_spread_their_ticks_over_the_interval()
    {
        // 1,261 neighbouring cells (20 rings): in tenths of the interval, each tenth gets about 126.
        var cells = H3.GridDisk(H3.LatLngToCell(1.2810, 103.8543, 8), 20);
        var perTenth = new int[10];
        foreach (var cell in cells)
            perTenth[Math.Min(9, (int)(TickPhase.FirstDue(cell, Interval) / Interval * 10))]++;

        Assert.All(perTenth, count => Assert.InRange(count, cells.Length / 10 * 0.7, cells.Length / 10 * 1.3));
    }
}
