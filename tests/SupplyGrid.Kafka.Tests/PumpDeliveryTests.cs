using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class PumpDeliveryTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";

    [Fact]
    public async Task Records_reach_the_dispatcher_with_their_key_in_partition_order()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 4);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 400).Select(i => new DriverPing { DriverId = $"drv-{i % 13}", Seq = i, Lat = 1.3, Lng = 103.8 }).ToList();
        var landed = TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        using var dispatcher = new RecordingDispatcher(Topic);

        await using (await PumpHarness.StartAsync(output, dispatcher, PumpHarness.FastSettings(broker.BootstrapServers, "g-order"), Topic))
            await dispatcher.WaitForCountAsync(pings.Count, TestKafka.Patience);

        var deliveries = dispatcher.Deliveries;
        Assert.Equal(pings.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(((DriverPing)d.Item).DriverId, d.Key));
        Assert.All(deliveries, d => Assert.Equal(Topic, d.Topic));
        // Each delivery carries the partition and offset the producer was told.
        var expected = pings.Zip(landed).ToDictionary(p => p.First.Seq, p => (p.Second.Partition.Value, p.Second.Offset.Value));
        Assert.All(deliveries, d => Assert.Equal(expected[((DriverPing)d.Item).Seq], (d.Token!.Partition, d.Token.Offset)));
        Assert.True(landed.Select(l => l.Partition.Value).Distinct().Count() > 1, "the keys should spread over several partitions");
        foreach (var partition in deliveries.GroupBy(d => d.Token!.Partition))
            Assert.Equal(partition.Select(d => d.Token!.Offset).Order(), partition.Select(d => d.Token!.Offset));
        foreach (var driver in deliveries.GroupBy(d => d.Key))
            Assert.Equal(driver.Select(d => ((DriverPing)d.Item).Seq).Order(), driver.Select(d => ((DriverPing)d.Item).Seq));
    }
}
