using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Streams;
using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

public sealed class StreamAndFilterTests
{
    private sealed class Deliveries : IStreamDeliveryObserver
    {
        private int _ok;
        private int _failed;

        public int Ok => Volatile.Read(ref _ok);

        public int Failed => Volatile.Read(ref _failed);

        public void OnDelivered(object? state, Exception? error)
        {
            if (error is null)
                Interlocked.Increment(ref _ok);
            else
                Interlocked.Increment(ref _failed);
        }
    }

    [Fact]
    public async Task Stream_items_reach_the_keyed_grain_in_order_and_each_delivery_is_reported_once()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var dispatcher = host.Services.GetRequiredService<IImplicitStreamDispatcher>();
        var deliveries = new Deliveries();

        for (var i = 0; i < 300; i++)
            dispatcher.Deliver(StreamLogGrain.Topic, $"k{i % 3}", i % 50 == 49 ? -1 : i, null, deliveries, null);
        await Probe.Until(() => deliveries.Ok + deliveries.Failed == 300, "all deliveries reported");

        Assert.Equal(6, deliveries.Failed);
        foreach (var key in new[] { "k0", "k1", "k2" })
        {
            var received = await host.GrainFactory.GetGrain<IStreamLogGrain>(key).Received();
            Assert.Equal(received.Order(), received);
            Assert.Equal(98, received.Count);
        }

        Assert.True(dispatcher.IsSubscribed(StreamLogGrain.Topic));
        Assert.False(dispatcher.IsSubscribed("nobody.listens"));
    }

    [Fact]
    public async Task Incoming_call_filters_see_every_call_and_may_change_results()
    {
        var (host, probe) = await TestSilo.StartAsync(grid: g => g.AddIncomingGrainCallFilter<DoublingFilter>());
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("filtered");

        Assert.Equal(2, await grain.Increment());
        await grain.Add(5);

        Assert.Equal(1, probe.Count("filter:ICounterGrain.Increment()"));
        Assert.Equal(1, probe.Count("filter:ICounterGrain.Add(5)"));
        Assert.Equal(6, await grain.Get());
    }
}
