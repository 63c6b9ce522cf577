using Confluent.Kafka;
using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

/// <summary>
/// The pump over the embedded broker handing records to an <see cref="OrderedRecordDispatcher"/>, as a silo wires it,
/// with plain asynchronous handlers in place of grains.
/// </summary>
public sealed class OrderedDispatchEndToEndTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";
    private const string DeadLetterTopic = "supplygrid.dead-letter";
    private const long RefusedSeq = 42;

    /// <summary>Records of this key route nowhere, as a booking outside every city does.</summary>
    private const string Unrouted = "drv-12";

    [Fact]
    public async Task Every_record_is_handled_once_in_key_order_a_failed_one_is_dead_lettered_and_all_is_committed()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        broker.CreateTopic(DeadLetterTopic, 1);
        var pings = Enumerable.Range(0, 300).Select(i => new DriverPing { DriverId = $"drv-{i % 13}", Seq = i, Lat = 1.3 }).ToList();
        var landed = TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        var handler = new RecordingHandler
        {
            Refuse = item => ((DriverPing)item).Seq == RefusedSeq ? new ArgumentException($"ping {RefusedSeq} refused") : null,
        };
        var dispatcher = new OrderedRecordDispatcher(
            topic => topic == Topic, (_, key, _) => key == Unrouted ? null : key, handler.Handle);
        var expected = pings.Where(p => p.Seq != RefusedSeq && p.DriverId != Unrouted).ToList();

        List<ConsumeResult<byte[]?, byte[]?>> letters;
        await using (var silo = await PumpHarness.StartAsync(output, dispatcher, PumpHarness.FastSettings(broker.BootstrapServers, "g-ordered"), Topic))
        {
            letters = TestKafka.Read(broker.BootstrapServers, DeadLetterTopic, 1);
            await Wait.UntilAsync(() => handler.Count >= expected.Count, $"the handlers took {expected.Count} records");
            await Wait.UntilAsync(() => silo.Pump.InFlight == 0 && dispatcher.PendingMessages == 0, "every record is finished");
        }

        var letter = Assert.Single(letters);
        Assert.Equal("grain_failed", letter.Header(DeadLetterHeaders.ErrorClass));
        Assert.Equal(typeof(ArgumentException).FullName, letter.Header(DeadLetterHeaders.ErrorException));
        Assert.Equal(landed[pings.FindIndex(p => p.Seq == RefusedSeq)].Offset.Value.ToString(), letter.Header(DeadLetterHeaders.SourceOffset));

        Assert.Equal(expected.Count, handler.Count); // each once: no replays
        Assert.Equal(1, handler.MaxInFlightPerKey);
        Assert.DoesNotContain(Unrouted, handler.Keys);
        foreach (var driver in expected.GroupBy(p => p.DriverId))
            Assert.Equal(driver.Select(p => p.Seq), handler.HandledBy<DriverPing>(driver.Key).Select(p => p.Seq));

        // Handled, dead-lettered and unrouted records all count as finished: every partition is committed to its end.
        var committed = TestKafka.Committed(broker.BootstrapServers, "g-ordered", Topic, 3);
        foreach (var partition in landed.GroupBy(l => l.Partition.Value))
            Assert.Equal(partition.Max(l => l.Offset.Value) + 1, committed[partition.Key]);
    }
}
