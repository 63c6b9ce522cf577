using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Kafka.Tests.Support;
using SupplyGrid.Kafka;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Kafka.Tests;

/// <summary>The pump wired into the real runtime (AddGrid) as the silo wires it: records drive grains.</summary>
public sealed class GridEndToEndTests
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";

    [Fact]
    public async Task Records_drive_the_grains_of_their_keys_in_order_and_a_failing_grain_turn_is_dead_lettered()
    {
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 300).Select(i => new DriverPing { DriverId = $"drv-{i % 13}", Seq = i, Lat = 1.3 }).ToList();
        var landed = TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        var journal = new PingJournal();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(PumpHarness.FastSettings(broker.BootstrapServers, "g-grid")).Build();

        await using (var silo = await GridTestHost.StartAsync(
            grid => grid.AddGrain<PingGrain>(),
            services =>
            {
                services.AddSingleton(journal);
                services.AddKafkaStreams(configuration).AddTopic(Topic, TestJsonContext.Default.DriverPing, DriverPing.Validate);
            }))
        {
            var letters = TestKafka.Read(broker.BootstrapServers, "supplygrid.dead-letter", 1);
            Assert.Equal("grain_failed", letters[0].Header(DeadLetterHeaders.ErrorClass));
            Assert.Equal(typeof(ArgumentException).FullName, letters[0].Header(DeadLetterHeaders.ErrorException));
            var failed = landed[pings.FindIndex(p => p.Seq == PingGrain.RefusedSeq)];
            Assert.Equal(failed.Offset.Value.ToString(), letters[0].Header(DeadLetterHeaders.SourceOffset));
            await WaitUntil(() => journal.Count == pings.Count - 1);
        }

        foreach (var driver in pings.Where(p => p.Seq != PingGrain.RefusedSeq).GroupBy(p => p.DriverId))
            Assert.Equal(driver.Select(p => p.Seq), journal.Of(driver.Key).Select(e => e.Seq));
        Assert.All(journal.All, e => Assert.Equal(e.GrainKey, e.DriverId));
        var committed = TestKafka.Committed(broker.BootstrapServers, "g-grid", Topic, 3);
        foreach (var partition in landed.GroupBy(l => l.Partition.Value))
            Assert.Equal(partition.Max(l => l.Offset.Value) + 1, committed[partition.Key]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestKafka.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the grains did not handle every record in time");
            await Task.Delay(20);
        }
    }
}

public sealed record JournalEntry(string GrainKey, string DriverId, long Seq);

/// <summary>What the grains saw, in the order each grain saw it.</summary>
public sealed class PingJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public int Count => _entries.Count;

    public IReadOnlyList<JournalEntry> All => [.. _entries];

    public IEnumerable<JournalEntry> Of(string grainKey) => _entries.Where(e => e.GrainKey == grainKey);

    public void Add(JournalEntry entry) => _entries.Enqueue(entry);
}

[ImplicitStreamSubscription("ngp.me.vehiclecomm.driver_event")]
public sealed class PingGrain(PingJournal journal) : Grain, IAsyncObserver<DriverPing>
{
    public const long RefusedSeq = 42;

    public async Task OnNextAsync(DriverPing item, RecordPosition? token = null)
    {
        await Task.Yield(); // a turn that really awaits: the next record of this key must still wait for it
        if (item.Seq == RefusedSeq)
            throw new ArgumentException($"ping {item.Seq} refused");
        journal.Add(new JournalEntry(this.GetPrimaryKeyString(), item.DriverId, item.Seq));
    }
}
