using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class PumpRestartTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";
    private const string Group = "g-restart";

    [Fact]
    public async Task A_killed_pump_commits_only_finished_records_and_its_successor_resumes_there_without_loss()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 600).Select(i => new DriverPing { DriverId = $"drv-{i % 17}", Seq = i, Lat = 1.3 }).ToList();
        TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        var settings = PumpHarness.FastSettings(broker.BootstrapServers, Group);
        settings["Kafka:DrainTimeout"] = "00:00:00.300";

        // First life: every record is delivered, only the first 200 deliveries finish, then the pump dies mid-stream.
        using var first = new RecordingDispatcher(Topic) { HoldWhen = _ => true };
        await using (await PumpHarness.StartAsync(output, first, settings, Topic))
        {
            await first.WaitForCountAsync(pings.Count, TestKafka.Patience);
            first.FinishHeld(200);
        }

        var finished = first.Deliveries.Take(200).ToList();
        var committed = TestKafka.Committed(broker.BootstrapServers, Group, Topic, 3);
        foreach (var partition in first.Deliveries.GroupBy(d => d.Token!.Partition))
        {
            var lowestUnfinished = partition.Where(d => !finished.Contains(d)).Select(d => d.Token!.Offset).DefaultIfEmpty(partition.Max(d => d.Token!.Offset) + 1).Min();
            Assert.Equal(lowestUnfinished, committed[partition.Key]);
        }

        // Second life: a new member of the same group starts from the committed offsets.
        using var second = new RecordingDispatcher(Topic);
        var expectedReplays = pings.Count - committed.Values.Sum();
        await using (await PumpHarness.StartAsync(output, second, settings, Topic))
        {
            await second.WaitForCountAsync((int)expectedReplays, TestKafka.Patience);
            await Task.Delay(300); // nothing more may arrive
        }

        Assert.Equal(expectedReplays, second.Count);
        Assert.All(second.Deliveries, d => Assert.True(d.Token!.Offset >= committed[d.Token.Partition], $"{d.Token} was already committed"));
        var seen = finished.Concat(second.Deliveries).Select(d => ((DriverPing)d.Item).Seq).ToHashSet();
        Assert.Equal(pings.Select(p => p.Seq).ToHashSet(), seen);
        // Replayed twice: only records the first life finished after its partition's lowest unfinished one.
        var duplicates = finished.Select(d => d.Token).Intersect(second.Deliveries.Select(d => d.Token)).ToList();
        Assert.All(duplicates, t => Assert.True(t!.Offset >= committed[t.Partition]));
    }
}
