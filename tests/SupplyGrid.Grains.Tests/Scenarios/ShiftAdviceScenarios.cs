using SupplyGrid.Grains.Tests.Grid;
namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(SlowTickGrid.Name)]
public sealed class ShiftAdviceScenarios(SlowTickGrid grid)
{
    [Fact]
    public async Task Shift_advice_points_to_the_hours_the_forecast_has_learned_are_busy()
    {
        // Coarse ticks keep two days of grid time quick; the forecast still closes a slot every third tick.
        await using var s = await grid.StartScenarioAsync();
        var cell = Places.Cell(Places.Anchor);
        await s.PingAsync("d1", Places.Centre(cell));

        // Two days in which the cell is busy from 10:00 to 14:00 Singapore time (02:00-06:00 UTC) and quiet otherwise.
        var step = TimeSpan.FromMinutes(5);
        var bookings = 0;
        for (var t = TimeSpan.Zero; t < TimeSpan.FromDays(2); t += step)
        {
            if (s.Now.UtcDateTime.Hour is >= 2 and < 6)
            {
                await s.BookAsync($"b{bookings++}", Places.Centre(cell));
                await s.BookAsync($"b{bookings++}", Places.Centre(cell));
            }

            await s.AdvanceAsync(step, step);
        }

        await s.PingAsync("d1", Places.Centre(cell));
        var advice = await s.Driver("d1").GetShiftAdvice(days: 1);

        Assert.Equal([cell.ToString()], advice.Cells);
        var best = advice.Suggestions.Take(4).ToArray();
        Assert.Equal(4, best.Length);
        Assert.All(best, h => Assert.InRange(h.HourStart.UtcDateTime.Hour, 2, 5));
        Assert.All(best, h => Assert.True(h.HourStart > s.Now));
        // 6 bookings a slot, 24 an hour, no other driver: the cap of 2.5 trips an hour at the default 12 a trip.
        Assert.All(best, h => Assert.Equal(30m, h.ExpectedEarnings));
        Assert.All(best, h => Assert.InRange(h.Confidence, 0.2, 1));
        Assert.Equal(best.OrderBy(h => h.HourStart), best);
    }
}
