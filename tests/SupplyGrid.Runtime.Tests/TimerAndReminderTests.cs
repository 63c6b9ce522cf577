using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

public sealed class TimerAndReminderTests
{
    [Fact]
    public async Task A_timer_ticks_every_period_on_the_clock()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(5), interleave: false, keepAlive: false, gate: null);

        for (var i = 1; i <= 3; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(5));
            await Probe.Until(() => probe.Count("tick:t") == i, $"tick {i}");
        }

        await grain.StopTimer();
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        Assert.Equal(3, await grain.Ticks());
    }

    [Fact]
    public async Task Timer_ticks_never_overlap_and_the_next_is_armed_after_the_callback_completes()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ITimerGrain>("slow");
        await grain.Start(TimeSpan.FromSeconds(1), interleave: true, keepAlive: false, gate: "slow");

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Probe.Until(() => probe.Count("tick:slow") == 1, "first tick");
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.Equal(1, probe.Count("tick:slow"));

        var nextDue = host.Time.GetUtcNow() + TimeSpan.FromSeconds(1);
        var dueBefore = host.Time.TimersDueAt(nextDue);
        probe.Release("slow:1");
        await Probe.Until(() => host.Time.TimersDueAt(nextDue) == dueBefore + 1, "the next tick armed one period after the first completed");
        Assert.Equal(1, probe.Count("tick:slow"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Probe.Until(() => probe.Count("tick:slow") == 2, "second tick one period after the first completed");
        probe.Release("slow:2");
        Assert.Equal(1, await grain.MaxConcurrentTicks());
    }

    [Fact]
    public async Task A_non_interleaving_tick_waits_for_the_running_turn_and_an_interleaving_one_does_not()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var plain = host.GrainFactory.GetGrain<ITimerGrain>("plain");
        var interleaving = host.GrainFactory.GetGrain<ITimerGrain>("interleaving");
        await plain.Start(TimeSpan.FromSeconds(1), interleave: false, keepAlive: false, gate: null);
        await interleaving.Start(TimeSpan.FromSeconds(1), interleave: true, keepAlive: false, gate: null);
        var plainBlocked = plain.Block("turn");
        var interleavingBlocked = interleaving.Block("turn");
        await Task.Delay(50);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Probe.Until(() => probe.Count("tick:interleaving") == 1, "interleaving tick during a blocked turn");
        Assert.Equal(0, probe.Count("tick:plain"));

        probe.Release("turn");
        await Task.WhenAll(plainBlocked, interleavingBlocked);
        await Probe.Until(() => probe.Count("tick:plain") == 1, "plain tick after the turn");
    }

    [Fact]
    public async Task Timers_do_not_keep_a_grain_alive_unless_asked()
    {
        var (host, probe) = await TestSilo.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
        });
        await using var _ = host;
        await host.GrainFactory.GetGrain<ITimerGrain>("lazy").Start(TimeSpan.FromSeconds(10), false, keepAlive: false, gate: null);
        await host.GrainFactory.GetGrain<ITimerGrain>("alive").Start(TimeSpan.FromSeconds(10), false, keepAlive: true, gate: null);

        for (var i = 0; i < 30; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(5);
        }

        await Probe.Until(() => probe.Count("deactivate:lazy") == 1, "collection of the grain whose timer does not keep it alive");
        Assert.Equal(0, probe.Count("deactivate:alive"));
    }

    [Fact]
    public async Task A_reminder_reactivates_a_deactivated_grain()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IReminderGrain>("r");
        await grain.Register("wake", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        await grain.Deactivate();
        await Task.Delay(50);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Probe.Until(() => probe.Count("reminder:r:wake") == 1, "first reminder tick");
        Assert.Equal(2, probe.Count("activate:r"));

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await Probe.Until(() => probe.Count("reminder:r:wake") == 2, "second reminder tick");

        await grain.Unregister("wake");
        host.Time.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(50);
        Assert.Equal(2, probe.Count("reminder:r:wake"));
    }

    [Fact]
    public async Task Reminders_survive_a_silo_restart()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        await host.GrainFactory.GetGrain<IReminderGrain>("durable").Register("daily", TimeSpan.FromMinutes(10), TimeSpan.FromHours(24));

        await host.RestartAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));

        await Probe.Until(() => probe.Count("reminder:durable:daily") == 1, "reminder after restart");
        Assert.Single(await host.Reminders.ReadAllAsync(default));
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_refused()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            host.GrainFactory.GetGrain<IReminderGrain>("fast").Register("too-fast", TimeSpan.Zero, TimeSpan.FromMilliseconds(10)));
        Assert.Contains("MinimumPeriod", error.Message);
    }
}
