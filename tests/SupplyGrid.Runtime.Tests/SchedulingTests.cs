using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Tests.Grains;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Runtime.Tests;

public sealed class SchedulingTests
{
    [Fact]
    public async Task A_non_reentrant_grain_runs_one_turn_at_a_time_across_awaits()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<ISchedulingGrain>("serial");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Work(2)));

        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_turns_at_awaits()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<IReentrantGrain>("re");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Work(20)));

        Assert.True(await grain.MaxConcurrency() > 1);
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<ISchedulingGrain>("readers");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.ReadWork(20)));

        Assert.True(await grain.MaxConcurrency() > 1);
    }

    [Fact]
    public async Task AlwaysInterleave_methods_run_while_a_turn_is_blocked_and_others_wait()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ISchedulingGrain>("blocked");

        var blocked = grain.Block("g1");
        Assert.Equal("interleaved", await grain.Interleaved().WaitAsync(TimeSpan.FromSeconds(5)));
        var waiting = grain.NotInterleaved();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        probe.Release("g1");
        await blocked;
        Assert.Equal("not interleaved", await waiting);
    }

    [Fact]
    public async Task Continuations_run_on_the_activation_context()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;

        Assert.True(await host.GrainFactory.GetGrain<ISchedulingGrain>("ctx").ContinuationsStayOnActivation());
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_unchanged()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var grain = host.GrainFactory.GetGrain<ISchedulingGrain>("throws");

        var async = await Assert.ThrowsAsync<InvalidTimeZoneException>(() => grain.Throw("bad zone"));
        Assert.Equal("bad zone", async.Message);
        var sync = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ThrowSynchronously("too far"));
        Assert.Equal("message", sync.ParamName);

        var failures = host.Monitor.Snapshot().GrainTypes.Single(t => t.GrainType == "scheduling").Methods.Sum(m => m.Failures);
        Assert.Equal(2, failures);
    }

    [Fact]
    public async Task One_way_calls_return_before_the_grain_finishes()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;

        await host.GrainFactory.GetGrain<ISchedulingGrain>("ow").OneWayBlock("ow-gate").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, probe.Count("one-way done"));

        probe.Release("ow-gate");
        await Probe.Until(() => probe.Count("one-way done") == 1, "one-way message handled");
    }

    [Fact]
    public async Task A_turn_awaiting_keeps_the_grid_unfinished_until_it_ends()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;

        await host.GrainFactory.GetGrain<ISchedulingGrain>("busy").OneWayBlock("busy-gate").WaitAsync(TimeSpan.FromSeconds(5));
        await Probe.Until(() => host.Monitor.Snapshot().PendingMessages == 0, "the one-way call left the mailbox");
        Assert.Equal(1, host.Monitor.UnfinishedMessages);
        var quiet = host.Monitor.WhenQuietAsync();
        await Task.Delay(50);
        Assert.False(quiet.IsCompleted);

        probe.Release("busy-gate");
        await quiet.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, probe.Count("one-way done"));
        Assert.Equal(0, host.Monitor.UnfinishedMessages);
    }

    [Fact]
    public async Task Two_non_reentrant_grains_calling_each_other_in_a_cycle_fail_by_timeout()
    {
        var (host, _) = await TestSilo.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        await using var __ = host;

        var ping = host.GrainFactory.GetGrain<ICycleGrain>("a").Ping("b");
        await Task.Delay(100);
        Assert.False(ping.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(ping.IsCompleted);

        host.Time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ping.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("ICycleGrain", error.Message);
    }

    [Fact]
    public async Task A_method_response_timeout_overrides_the_default()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var call = host.GrainFactory.GetGrain<ISchedulingGrain>("short").BlockWithShortTimeout("never");
        await Task.Delay(50);

        host.Time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("BlockWithShortTimeout", error.Message);
        Assert.Contains("00:00:02", error.Message);
        probe.Release("never");
    }

    [Fact]
    public async Task Stateless_workers_spread_concurrent_calls_over_up_to_their_limit()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var worker = host.GrainFactory.GetGrain<IWorkerGrain>("w");

        var first = worker.BlockAndReport("w1");
        var second = worker.BlockAndReport("w1");
        await Probe.Until(() => probe.Count("worker started") == 2, "two workers running at once");
        var third = worker.BlockAndReport("w1");
        await Task.Delay(50);
        Assert.Equal(2, probe.Count("worker started"));

        probe.Release("w1");
        var instances = await Task.WhenAll(first, second, third);
        Assert.Equal(2, instances.Distinct().Count());
    }

    [Fact]
    public async Task A_full_mailbox_refuses_calls_with_a_clear_exception()
    {
        var (host, probe) = await TestSilo.StartAsync(o => o.MaxMailboxDepth = 2);
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ISchedulingGrain>("full");
        var blocked = grain.Block("full-gate");
        await Task.Delay(50);
        var queued = new[] { grain.Work(0), grain.Work(0) };

        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.Work(0));
        Assert.Contains("scheduling/full", error.Message);

        probe.Release("full-gate");
        await blocked;
        await Task.WhenAll(queued);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_scheduling_quantum_that_is_not_positive_fails_the_start_naming_the_setting(int milliseconds)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            TestSilo.StartAsync(o => o.SchedulingQuantum = TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal("Grid:SchedulingQuantum", error.ParamName);
    }

    [Fact]
    public async Task An_unbounded_scheduling_quantum_never_ends_a_slice_on_time_and_a_bounded_one_is_in_real_ticks()
    {
        var (unbounded, _) = await TestSilo.StartAsync(o => o.SchedulingQuantum = TimeSpan.MaxValue);
        await using (unbounded)
        {
            var ticks = unbounded.Services.GetRequiredService<GridRuntime>().SchedulingQuantumTicks;
            // The slice ends at "now + quantum": that must not overflow into the past.
            Assert.True(System.Diagnostics.Stopwatch.GetTimestamp() + ticks > TimeSpan.FromDays(365 * 100).TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        }

        var (bounded, _) = await TestSilo.StartAsync(o => o.SchedulingQuantum = TimeSpan.FromMilliseconds(5));
        await using (bounded)
            Assert.Equal(System.Diagnostics.Stopwatch.Frequency / 200, bounded.Services.GetRequiredService<GridRuntime>().SchedulingQuantumTicks);
    }
}
