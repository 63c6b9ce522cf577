using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Kafka.Tests.Support;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests;

public sealed class PumpBackpressureTests(ITestOutputHelper output)
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";

    [Fact]
    public async Task Slow_handlers_pause_the_partitions_at_the_bound_and_resume_them_as_they_drain()
    {
        const int maxInFlight = 40;
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 3);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 1200).Select(i => new DriverPing { DriverId = $"drv-{i % 101}", Seq = i, Lat = 1.3 }).ToList();
        TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        using var dispatcher = new RecordingDispatcher(Topic) { HoldWhen = _ => true };
        var settings = PumpHarness.FastSettings(broker.BootstrapServers, "g-backpressure");
        settings["Kafka:MaxInFlight"] = maxInFlight.ToString();
        settings["Kafka:ResumeInFlight"] = "10";

        long pauses = 0;
        await using (var silo = await PumpHarness.StartAsync(output, dispatcher, settings, Topic))
        {
            using var listener = CountPauses(silo.Services.GetRequiredService<IMeterFactory>(), () => Interlocked.Increment(ref pauses));
            // Handlers that finish nothing: the pump stops at the bound and stays there.
            await dispatcher.WaitForCountAsync(maxInFlight, TestKafka.Patience);
            await Task.Delay(300);
            Assert.Equal(maxInFlight, dispatcher.Count);
            Assert.True(Interlocked.Read(ref pauses) >= 1, "the pump should have paused its partitions");

            // Handlers that finish slowly: the pump resumes as they drain and pauses again at the bound.
            dispatcher.FinishSlowly(perTick: 10);
            await dispatcher.WaitForCountAsync(pings.Count, TestKafka.Patience);
            Assert.True(silo.Pump.InFlight <= maxInFlight);
        }

        Assert.Equal(maxInFlight, dispatcher.MaxUnfinished); // the bound was reached and never passed
        // One member and no rebalance: every record exactly once. Replays and losses are told apart, should either occur.
        var delivered = dispatcher.Deliveries.Select(d => ((DriverPing)d.Item).Seq).ToList();
        Assert.Empty(delivered.GroupBy(seq => seq).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(pings.Select(p => p.Seq).Order(), delivered.Order());
    }

    [Fact]
    public async Task A_slow_record_pauses_only_its_own_partition_once_the_window_behind_it_is_full()
    {
        const int window = 8;
        using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(Topic, 2);
        broker.CreateTopic("supplygrid.dead-letter", 1);
        var pings = Enumerable.Range(0, 200).Select(i => new DriverPing { DriverId = $"drv-{i % 23}", Seq = i, Lat = 1.3 }).ToList();
        var landed = TestKafka.ProducePings(broker.BootstrapServers, Topic, pings);
        var perPartition = landed.GroupBy(l => l.Partition.Value).ToDictionary(g => g.Key, g => g.Count());
        // The first record of partition 0 stays unfinished; everything else finishes at once.
        using var dispatcher = new RecordingDispatcher(Topic) { HoldWhen = d => d.Token is { Partition: 0, Offset: 0 } };
        var settings = PumpHarness.FastSettings(broker.BootstrapServers, "g-window");
        settings["Kafka:MaxUncommittedPerPartition"] = window.ToString();

        await using var silo = await PumpHarness.StartAsync(output, dispatcher, settings, Topic);
        await dispatcher.WaitForCountAsync(perPartition[1] + window, TestKafka.Patience);
        await Wait.UntilAsync(() => silo.Metrics.GetSnapshot().Partitions.Any(p => p is { Partition: 0, Paused: true }), "partition 0 is reported paused");
        await Task.Delay(300); // partition 0 stays paused behind its slow record

        Assert.Equal(window, dispatcher.Deliveries.Count(d => d.Token!.Partition == 0));
        Assert.Equal(perPartition[1], dispatcher.Deliveries.Count(d => d.Token!.Partition == 1));
        Assert.Contains(silo.Metrics.GetSnapshot().Partitions, p => p is { Partition: 0, Paused: true, CommittedOffset: <= 0 });

        Assert.Equal(1, dispatcher.FinishHeld());
        await dispatcher.WaitForCountAsync(pings.Count, TestKafka.Patience);
        Assert.Equal(pings.Count, dispatcher.Count);
    }

    private static MeterListener CountPauses(IMeterFactory factory, Action onPause)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "supplygrid.kafka.consumer.pauses")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => onPause());
        listener.Start();
        return listener;
    }
}
