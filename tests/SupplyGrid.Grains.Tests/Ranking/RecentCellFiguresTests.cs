using SupplyGrid.Geo;
using SupplyGrid.Grains.Ranking;

namespace SupplyGrid.Grains.Tests.Ranking;

public sealed class RecentCellFiguresTests
{
    private static readonly long Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly H3Index Cell = H3.LatLngToCell(1.2810, 103.8543, 8);
    private static readonly CellFigures Figures = new(3, 4.5, 0.67, SupplyStatus.Balanced);

    [Fact]
    public void Figures_are_reused_up_to_the_maximum_age_and_not_after()
    {
        var recent = new RecentCellFigures(TimeSpan.FromSeconds(2));
        recent.Put(Cell, Figures, Start);

        Assert.True(recent.TryGet(Cell, Start + TimeSpan.FromSeconds(2).Ticks, out var reused));
        Assert.Equal(Figures, reused);
        Assert.False(recent.TryGet(Cell, Start + TimeSpan.FromSeconds(2).Ticks + 1, out _));
    }

    [Fact]
    public void A_cell_never_fetched_and_figures_from_a_later_instant_are_not_reused()
    {
        var recent = new RecentCellFigures(TimeSpan.FromSeconds(2));
        recent.Put(Cell, Figures, Start);

        Assert.False(recent.TryGet(H3.CellToParent(Cell, 7), Start, out _));
        // A clock moved back (a restarted silo, a replay): figures "from the future" are not trusted.
        Assert.False(recent.TryGet(Cell, Start - 1, out _));
    }

    [Fact]
    public void A_later_fetch_replaces_the_figures()
    {
        var recent = new RecentCellFigures(TimeSpan.FromSeconds(2));
        recent.Put(Cell, Figures, Start);
        var later = Figures with { Drivers = 9 };
        recent.Put(Cell, later, Start + TimeSpan.FromSeconds(3).Ticks);

        Assert.True(recent.TryGet(Cell, Start + TimeSpan.FromSeconds(4).Ticks, out var reused));
        Assert.Equal(later, reused);
    }

    [Fact]
    public void A_zero_age_keeps_nothing()
    {
        var recent = new RecentCellFigures(TimeSpan.Zero);
        recent.Put(Cell, Figures, Start);

        Assert.False(recent.TryGet(Cell, Start, out _));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Stale_entries_are_swept_so_the_map_stays_near_the_cells_asked_for_within_one_age()
    {
        var recent = new RecentCellFigures(TimeSpan.FromSeconds(2));
        var cells = H3.GridDisk(Cell, 12).ToArray(); // 469 cells
        var second = TimeSpan.FromSeconds(1).Ticks;
        for (var i = 0; i < cells.Length; i++)
            recent.Put(cells[i], Figures, Start + i * second); // one new cell a second: at most 3 are within the age

        Assert.InRange(recent.Count, 3, 128);
        Assert.True(recent.TryGet(cells[^1], Start + (cells.Length - 1) * second, out _));
    }
}
