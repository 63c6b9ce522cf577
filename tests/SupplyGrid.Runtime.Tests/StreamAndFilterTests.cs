using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Kafka;
using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

public sealed class StreamAndFilterTests
{
    private sealed class Deliveries(ConcurrentQueue<Exception>? errors = null) : IRecordDeliveryObserver
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
            {
                errors?.Enqueue(error);
                Interlocked.Increment(ref _failed);
            }
        }
    }

    /// <summary>Reads an ASCII decimal number, noting in which grain's turn it ran; anything else is refused.</summary>
    private sealed class AsciiNumberDecoder : IRecordDecoder<int>
    {
        public ConcurrentQueue<(int Number, string? GrainKey)> DecodedIn { get; } = new();

        public int Decode(ReadOnlyMemory<byte> payload)
        {
            var text = System.Text.Encoding.ASCII.GetString(payload.Span);
            var number = int.TryParse(text.TrimStart('#'), out var n) ? n : -1;
            DecodedIn.Enqueue((number, RuntimeContext.Current?.GrainId.Key));
            return text.StartsWith('#') ? throw new FormatException($"'{text}' is not a number") : number;
        }
    }

    [Fact]
    public async Task Stream_items_reach_the_keyed_grain_in_order_and_each_delivery_is_reported_once()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var dispatcher = host.Services.GetRequiredService<IRecordDispatcher>();
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
    public async Task DeliverAsync_completes_after_the_grains_turn_and_fails_with_the_grains_error()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var dispatcher = host.Services.GetRequiredService<IRecordDispatcher>();

        await dispatcher.DeliverAsync(StreamLogGrain.Topic, "one-by-one", 7).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([7], await host.GrainFactory.GetGrain<IStreamLogGrain>("one-by-one").Received());

        var refused = dispatcher.DeliverAsync(StreamLogGrain.Topic, "one-by-one", -1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => refused.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Encoded_items_are_decoded_in_their_grains_turn_and_a_refused_payload_never_reaches_the_grain()
    {
        var (host, _) = await TestSilo.StartAsync();
        await using var __ = host;
        var dispatcher = host.Services.GetRequiredService<IRecordDispatcher>();
        var decoder = new AsciiNumberDecoder();
        var errors = new ConcurrentQueue<Exception>();
        var deliveries = new Deliveries(errors);

        for (var i = 0; i < 100; i++)
        {
            var payload = System.Text.Encoding.ASCII.GetBytes(i % 10 == 9 ? $"#{i}" : $"{i}");
            dispatcher.Deliver(StreamLogGrain.Topic, $"e{i % 2}", decoder, payload, null, deliveries, null);
        }

        await Probe.Until(() => deliveries.Ok + deliveries.Failed == 100, "all deliveries reported");

        Assert.Equal(10, deliveries.Failed);
        Assert.All(errors, e => Assert.IsType<FormatException>(e));
        foreach (var (key, parity) in new[] { ("e0", 0), ("e1", 1) })
        {
            var received = await host.GrainFactory.GetGrain<IStreamLogGrain>(key).Received();
            var expected = Enumerable.Range(0, 100).Where(i => i % 2 == parity && i % 10 != 9).ToList();
            Assert.Equal(expected, received);
        }

        // Every payload was decoded inside a turn of the grain it was addressed to, not on the delivering thread.
        Assert.Equal(100, decoder.DecodedIn.Count);
        Assert.All(decoder.DecodedIn, d => Assert.Equal($"e{d.Number % 2}", d.GrainKey));
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
