using SupplyGrid.Lockstep.Tests.Grains;

namespace SupplyGrid.Lockstep.Tests;

[Collection(LockstepSilo.Collection)]
public sealed class TimerSteppingTests(LockstepSilo silo)
{
    [Fact]
    public async Task Every_timer_of_many_grains_ticks_exactly_once_per_step_at_the_steps_time()
    {
        var second = TimeSpan.FromSeconds(1);
        var grains = Enumerable.Range(0, 20).Select(i => silo.Grains.GetGrain<ITickerGrain>($"many-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Start(second)));
        var start = silo.Clock.GetUtcNow();

        await silo.Clock.AdvanceAsync(TimeSpan.FromSeconds(120), second);

        var expected = Enumerable.Range(1, 120).Select(i => start + i * second).ToArray();
        foreach (var grain in grains)
            Assert.Equal(expected, await grain.Ticks());
    }

    [Fact]
    public async Task Without_a_step_every_timer_ticks_at_its_own_due_times()
    {
        var periods = new[] { 2, 3, 5 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        var grains = periods.Select(p => silo.Grains.GetGrain<ITickerGrain>($"own-{p.TotalSeconds}")).ToArray();
        await Task.WhenAll(grains.Zip(periods, (g, p) => g.Start(p)));
        var start = silo.Clock.GetUtcNow();

        await silo.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));

        foreach (var (grain, period) in grains.Zip(periods))
        {
            var expected = Enumerable.Range(1, (int)(30 / period.TotalSeconds)).Select(i => start + i * period);
            Assert.Equal(expected, await grain.Ticks());
        }
    }

    [Fact]
    public async Task A_step_longer_than_a_period_gives_that_timer_one_tick()
    {
        var grain = silo.Grains.GetGrain<ITickerGrain>("coarse");
        await grain.Start(TimeSpan.FromSeconds(1));

        await silo.Clock.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

        Assert.Equal(3, (await grain.Ticks()).Count);
    }

    [Fact]
    public async Task A_timer_due_at_once_is_waited_for_though_no_clock_fires_it()
    {
        var grain = silo.Grains.GetGrain<ITickerGrain>("at-once");

        await grain.StartAtOnce(TimeSpan.FromMilliseconds(200));
        await silo.Clock.WhenQuietAsync();

        Assert.Single(await grain.Ticks());
    }

    [Fact]
    public async Task A_one_way_relay_started_by_a_tick_finishes_within_the_tick_step()
    {
        var log = silo.Services.GetRequiredService<RelayLog>();
        var grain = silo.Grains.GetGrain<ITickerGrain>("relaying");
        await grain.StartRelaying(TimeSpan.FromSeconds(10), hops: 15);

        for (var step = 1; step <= 3; step++)
        {
            await silo.Clock.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
            Assert.Equal(15, log.Hops($"relaying@{step}"));
        }
    }
}
