namespace SupplyGrid.Grains.Tests.Scenarios;

public sealed class SurgeScenarios
{
    [Fact]
    public async Task Surge_rises_to_the_cap_and_falls_back_in_steps_of_at_most_half_and_no_faster_than_the_cooldown()
    {
        // Purely reactive demand, so the forecast does not keep the cell busy after the bookings leave the window.
        await using var s = await DomainScenario.StartAsync(new Dictionary<string, string?> { ["Cities:singapore:Cells:ForecastWeight"] = "0" });
        var cell = Places.Cell(Places.Anchor);
        for (var i = 0; i < 10; i++)
            await s.BookAsync($"b{i}", Places.Centre(cell));

        var series = new List<(DateTimeOffset At, double Surge)>();
        async Task Watch(TimeSpan span)
        {
            for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(5))
            {
                await s.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
                var snapshot = await s.Cell(cell).GetSnapshot();
                series.Add((snapshot.At, snapshot.Surge));
            }
        }

        await Watch(TimeSpan.FromMinutes(4));
        Assert.Equal(3.0, series[^1].Surge);

        // Drivers arrive and the bookings age out of the 15-minute window: the multiplier comes down, published too.
        for (var i = 0; i < 30; i++)
            await s.PingAsync($"d{i}", Places.Centre(cell));
        await Watch(TimeSpan.FromMinutes(4));
        Assert.Equal(1.0, series[^1].Surge);

        var changes = series.Zip(series.Skip(1)).Where(p => p.First.Surge != p.Second.Surge).Select(p => (p.First.Surge, p.Second.Surge, p.Second.At)).ToArray();
        Assert.True(changes.Length >= 4, "it rose and fell in several steps");
        Assert.All(series, p => Assert.InRange(p.Surge, 1.0, 3.0));
        foreach (var (before, after, _) in changes)
            Assert.InRange(after / before, 0.5 - 1e-9, 1.5 + 1e-9);
        foreach (var (first, second) in changes.Zip(changes.Skip(1)))
            Assert.True(second.At - first.At >= TimeSpan.FromSeconds(60), $"changes at {first.At:T} and {second.At:T} respect the cooldown");
        Assert.Contains(changes, c => c.Item2 < c.Item1);
    }
}
