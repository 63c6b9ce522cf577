using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class PumpRebalanceTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";
    private const string Group = "g-rebalance";

    [Fact]
    public async Task Two_members_split_the_partitions_and_when_one_leaves_the_other_takes_over_without_loss()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 4);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        // The embedded broker waits session timeout minus one second for members to rejoin a group; a shorter
        // session would make this faster but lets a starved test machine expire members (and replay records).
        var settings = PumpHarness.FastSettings(broker.BootstrapServers, Group);
        var before = Enumerable.Range(0, 400).Select(i => new DriverPing { DriverId = $"drv-{i % 31}", Seq = i, Lat = 1.3 }).ToList();
        var after = Enumerable.Range(400, 400).Select(i => new DriverPing { DriverId = $"drv-{i % 31}", Seq = i, Lat = 1.3 }).ToList();

        using var stayer = new RecordingDispatcher(Topic);
        using var leaver = new RecordingDispatcher(Topic);
        await using var stays = await PumpHarness.StartAsync(output, stayer, settings, Topic);
        await using (var leaves = await PumpHarness.StartAsync(output, leaver, settings, Topic))
        {
            await Wait.UntilAsync(() => stays.Pump.Partitions.Count == 2 && leaves.Pump.Partitions.Count == 2, "both members own two partitions");
            var owned = stays.Pump.Partitions.Select(p => p.Partition).ToHashSet();
            Assert.Empty(owned.Intersect(leaves.Pump.Partitions.Select(p => p.Partition)));

            TestKafka.ProducePings(broker.BootstrapServers, Topic, before);
            await Wait.UntilAsync(() => stayer.Count + leaver.Count >= before.Count, "the first records are delivered");
            Assert.All(stayer.Deliveries, d => Assert.Contains(d.Token!.Partition, owned));
            Assert.All(leaver.Deliveries, d => Assert.DoesNotContain(d.Token!.Partition, owned));
            Assert.NotEmpty(leaver.Deliveries);
            // The mock broker refuses commits once the group rebalances, so the stayer's revocation cannot commit what
            // it finished since its last commit tick: let that tick pass first, or those records come back as replays.
            await Wait.UntilAsync(() => stays.Pump.Partitions.All(p => p.Lag == 0), "the stayer committed everything it handled");
            // Likewise the leaver: what the broker has from both (not what each pump believes) is what a new owner starts at.
            await Wait.UntilAsync(() => TestKafka.Committed(broker.BootstrapServers, Group, Topic, 4).Values.Sum() == before.Count,
                "the group has committed every record delivered so far");
        }

        await Wait.UntilAsync(() => stays.Pump.Partitions.Count == 4, "the remaining member owns every partition");
        TestKafka.ProducePings(broker.BootstrapServers, Topic, after);
        var all = before.Concat(after).Select(p => p.Seq).ToHashSet();
        await Wait.UntilAsync(
            () => stayer.Deliveries.Concat(leaver.Deliveries).Select(d => ((DriverPing)d.Item).Seq).ToHashSet().SetEquals(all),
            "every record is delivered by one member or the other");
        // The leaver finished everything it took before it left, so nothing of its share is replayed.
        Assert.Equal(all.Count, stayer.Count + leaver.Count);
    }
}
