using System.Diagnostics.Metrics;
using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task A_grain_activates_on_first_call_and_keeps_its_state_across_references()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;

        Assert.Equal(0, probe.Count("activate:a"));
        Assert.Equal(1, await host.GrainFactory.GetGrain<ICounterGrain>("a").Increment());
        Assert.Equal(2, await host.GrainFactory.GetGrain<ICounterGrain>("a").Increment());
        Assert.Equal(1, await host.GrainFactory.GetGrain<ICounterGrain>("b").Increment());
        Assert.Equal(1, probe.Count("activate:a"));
        Assert.Equal("a", await host.GrainFactory.GetGrain<ICounterGrain>("a").Key());
    }

    [Fact]
    public async Task Guid_and_integer_keys_reach_the_grain()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var id = Guid.NewGuid();

        Assert.Equal(id, await host.GrainFactory.GetGrain<IGuidKeyGrain>(id).Key());
        Assert.Equal(-42L, await host.GrainFactory.GetGrain<ILongKeyGrain>(-42).Key());
    }

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;

        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => host.GrainFactory.GetGrain<ICounterGrain>("contended").Increment()));
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, probe.Count("activate:contended"));
        Assert.Equal(Enumerable.Range(1, 200), results.Order());
        Assert.Single((await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.GrainFactory.GetGrain<ICounterGrain>("contended").InstanceId()))).Distinct());
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_gets_a_fresh_activation()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("d");
        await grain.Increment();
        var first = await grain.InstanceId();

        await grain.Deactivate();
        await Probe.Until(() => probe.Count("deactivate:d:ApplicationRequested") == 1, "deactivation");

        Assert.NotEqual(first, await grain.InstanceId());
        Assert.Equal(0, await grain.Get());
        Assert.Equal(2, probe.Count("activate:d"));
    }

    [Fact]
    public async Task Idle_activations_are_collected_after_the_collection_age_unless_deactivation_is_delayed()
    {
        var (host, probe) = await TestSilo.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
        });
        await using var _ = host;
        await host.GrainFactory.GetGrain<ICounterGrain>("idle").Increment();
        await host.GrainFactory.GetGrain<ICounterGrain>("kept").KeepAliveFor(TimeSpan.FromMinutes(10));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);
        Assert.Equal(0, probe.Count("deactivate:idle:ActivationIdle"));

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await Probe.Until(() => probe.Count("deactivate:idle:ActivationIdle") == 1, "idle collection");
        Assert.Equal(0, probe.Count("deactivate:kept:ActivationIdle"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Probe.Until(() => probe.Count("deactivate:kept:ActivationIdle") == 1, "collection after the delay");
    }

    [Fact]
    public async Task Activity_resets_the_idle_clock()
    {
        var (host, probe) = await TestSilo.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
        });
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("busy");

        for (var i = 0; i < 6; i++)
        {
            await grain.Increment();
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await Task.Delay(50);
        Assert.Equal(0, probe.Count("deactivate:busy:ActivationIdle"));
        Assert.Equal(6, await grain.Get());
    }

    [Fact]
    public async Task Graceful_shutdown_deactivates_grains_which_may_write_state()
    {
        var (host, probe) = await TestSilo.StartAsync();
        await using var _ = host;
        await host.GrainFactory.GetGrain<IStatefulGrain>("s").SetAndWrite("v1");
        await host.GrainFactory.GetGrain<ICounterGrain>("c").Increment();

        await host.RestartAsync();

        Assert.Equal(1, probe.Count("deactivate:c:ShuttingDown"));
        Assert.Equal("v1 (saved at shutdown)", await host.GrainFactory.GetGrain<IStatefulGrain>("s").Value());
    }

    [Fact]
    public async Task Metrics_count_activations_and_calls_per_method()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        for (var i = 0; i < 5; i++)
            await host.GrainFactory.GetGrain<ICounterGrain>($"m{i % 2}").Increment();
        await host.GrainFactory.GetGrain<ICounterGrain>("m0").Get();

        var snapshot = host.Monitor.Snapshot();
        Assert.Equal(0, snapshot.PendingMessages);
        var counter = snapshot.GrainTypes.Single(t => t.GrainType == "counter");
        Assert.Equal(2, counter.Activations);
        var increment = counter.Methods.Single(m => m.MethodName == nameof(ICounterGrain.Increment));
        Assert.Equal(5, increment.Calls);
        Assert.Equal(0, increment.Failures);
        Assert.Equal(1, counter.Methods.Single(m => m.MethodName == nameof(ICounterGrain.Get)).Calls);
        Assert.Equal(2, counter.Methods.Single(m => m.MethodName == "Activate").Calls);
        // The test clock does not move, so every latency, lifecycle steps included, is in the lowest bucket.
        Assert.All(counter.Methods, m => Assert.Equal(1, m.P99Microseconds));
    }

    [Fact]
    public async Task Metrics_are_published_as_System_Diagnostics_Metrics_instruments()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        for (var i = 0; i < 3; i++)
            await host.GrainFactory.GetGrain<ICounterGrain>("meter").Increment();
        _ = host.Monitor;
        var calls = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "SupplyGrid.Runtime")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "supplygrid.grain.calls")
            {
                var method = tags.ToArray().Single(t => t.Key == "method").Value as string;
                calls[method!] = value;
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(3, calls["ICounterGrain.Increment"]);
    }
}
