using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class MetricsSnapshotTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";

    [Fact]
    public async Task The_snapshot_shows_committed_offsets_watermarks_lag_and_throughput_per_partition()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 2);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 200).Select(i => new DriverPing { DriverId = $"drv-{i % 9}", Seq = i, Lat = 1.3 }).ToList();
        var landed = TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        var ends = landed.GroupBy(l => l.Partition.Value).ToDictionary(g => g.Key, g => g.Max(l => l.Offset.Value) + 1);
        using var dispatcher = new RecordingDispatcher(Topic) { HoldWhen = _ => true };

        await using var silo = await PumpHarness.StartAsync(output, dispatcher, PumpHarness.FastSettings(broker.BootstrapServers, "g-snapshot"), Topic);
        await dispatcher.WaitForCountAsync(pings.Count, TestKafka.Patience);
        dispatcher.FinishHeld(50);
        var firstFifty = dispatcher.Deliveries.Take(50).GroupBy(d => d.Token!.Partition).ToDictionary(g => g.Key, g => g.Max(d => d.Token!.Offset) + 1);

        var partly = await WaitForSnapshot(silo, s => s.Partitions.Count == 2 && s.Partitions.All(p => p.CommittedOffset == firstFifty.GetValueOrDefault(p.Partition, 0) && p.HighWatermark == ends[p.Partition]));
        Assert.All(partly.Partitions, p => Assert.Equal(ends[p.Partition] - p.CommittedOffset, p.Lag));
        Assert.Equal(150, partly.InFlight);
        Assert.Equal(150, partly.Partitions.Sum(p => p.Uncommitted));

        dispatcher.FinishHeld();
        var done = await WaitForSnapshot(silo, s => s.Partitions.All(p => p.Lag == 0));
        Assert.All(done.Partitions, p => Assert.Equal(ends[p.Partition], p.CommittedOffset));
        Assert.Equal(0, done.InFlight);
        var topic = Assert.Single(done.Topics);
        Assert.Equal((Topic, 200L, 0L), (topic.Topic, topic.RecordsConsumed, topic.DeadLettered));
        Assert.All(done.DeadLettersByReason.Values, count => Assert.Equal(0, count));
        Assert.Equal(DeadLetterReasons.All.Count, done.DeadLettersByReason.Count);
        // One record in eight (by offset) is timed.
        Assert.Equal(landed.Count(l => l.Offset.Value % 8 == 0), silo.Metrics.DeliveryLatency.Count);
    }

    private static async Task<KafkaStreamSnapshot> WaitForSnapshot(PumpHarness silo, Func<KafkaStreamSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + TestKafka.Patience;
        while (true)
        {
            var snapshot = silo.Metrics.GetSnapshot();
            if (condition(snapshot))
                return snapshot;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"snapshot stayed at {string.Join("; ", snapshot.Partitions)}");
            await Task.Delay(20);
        }
    }
}
