using SupplyGrid.Grains.Tests.Grid;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>What a cell's forecast learns about the hours it spends deactivated.</summary>
[Collection(SlowTickGrid.Name)]
public sealed class ForecastScenarios(SlowTickGrid grid)
{
    [Fact]
    public async Task A_cell_collected_for_idleness_learns_the_quiet_slots_it_slept_through()
    {
        await using var s = await grid.StartScenarioAsync();
        var cell = Places.Cell(Places.Anchor);
        var quietHour = s.Now.AddHours(3);

        await s.BookAsync("b1", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));
        // Idle collection runs on the wall clock; a cell's own timer does not keep it alive, so it goes as idle.
        await s.CollectIdleGrainsAsync();
        Assert.False(await s.IsActiveAsync(s.Cell(cell)), "the cell was collected for idleness");
        await s.AdvanceAsync(TimeSpan.FromHours(6), TimeSpan.FromMinutes(5));
        Assert.False(await s.IsActiveAsync(s.Cell(cell)), "nothing woke the cell while it slept");

        // A booking wakes the cell: nothing happened while it slept, and the forecast learns so.
        await s.BookAsync("b2", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));

        var hour = (await Outlook(s, cell, quietHour.AddDays(1)))[0];
        Assert.Equal(1, hour.ForecastSamples);
        Assert.Equal(0, hour.ExpectedDemand);
    }

    [Fact]
    public async Task Hours_the_silo_was_down_are_not_taught_as_quiet()
    {
        await using var s = await grid.StartScenarioAsync();
        var cell = Places.Cell(Places.Anchor);
        var downHour = s.Now.AddHours(3);

        await s.BookAsync("b1", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));
        await s.Grid.StopSiloAsync();
        await s.Grid.Clock.AdvanceAsync(TimeSpan.FromHours(6), TimeSpan.FromHours(6));
        await s.Grid.StartSiloAsync();
        await s.BookAsync("b2", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));

        Assert.Equal(0, (await Outlook(s, cell, downHour.AddDays(1)))[0].ForecastSamples);
    }

    private static Task<IReadOnlyList<HourlyOutlook>> Outlook(DomainScenario s, Geo.H3Index cell, DateTimeOffset hour) =>
        s.Grains.GetGrain<ICellGrain>(cell.ToString()).GetOutlook(new DateTimeOffset(hour.UtcTicks - hour.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero), 1);
}
