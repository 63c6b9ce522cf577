using System.Text;
using Microsoft.Extensions.Options;
using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class DirectStreamIngressTests
{
    private const string Topic = "ngp.me.vehiclecomm.driver_event";

    [Fact]
    public void Records_reach_the_dispatcher_in_order_and_bad_ones_become_dead_letters()
    {
        using var dispatcher = new RecordingDispatcher(Topic) { FailWhen = d => ((DriverPing)d.Item).Seq == 5 ? new TimeoutException("handler timed out") : null };
        var sink = new RecordingSink();
        using var metrics = new KafkaStreamMetrics();
        using var ingress = NewIngress(dispatcher, sink, metrics, new KafkaOptions());

        for (var i = 0; i < 10; i++)
            ingress.Ingest(Topic, Encoding.UTF8.GetBytes($"drv-{i % 3}"), TestKafka.Json(new DriverPing { DriverId = $"drv-{i % 3}", Seq = i, Lat = 1 }));
        ingress.Ingest(Topic, "drv-x"u8, Encoding.UTF8.GetBytes("not json"));
        ingress.Ingest(Topic, ""u8, TestKafka.Json(new DriverPing { DriverId = "drv-y", Seq = 11, Lat = 1 }));

        Assert.True(ingress.WaitForIdle(TimeSpan.FromSeconds(5)));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), dispatcher.Deliveries.Select(d => ((DriverPing)d.Item).Seq));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), dispatcher.Deliveries.Select(d => d.Token!.Offset));
        Assert.Equal(
            [(5L, DeadLetterReason.GrainFailed), (10L, DeadLetterReason.MalformedJson), (11L, DeadLetterReason.EmptyKey)],
            sink.Letters.Select(l => (l.SourceOffset, l.Reason)));
        Assert.Equal(typeof(TimeoutException).FullName, sink.Letters[0].ExceptionType);
        Assert.Equal("drv-x"u8.ToArray(), sink.Letters[1].Key);
        Assert.Equal(12, metrics.CountersFor(Topic).Consumed);
    }

    [Fact]
    public async Task Ingest_blocks_at_the_in_flight_bound_until_handlers_catch_up()
    {
        using var dispatcher = new RecordingDispatcher(Topic) { HoldWhen = _ => true };
        using var metrics = new KafkaStreamMetrics();
        using var ingress = NewIngress(dispatcher, new RecordingSink(), metrics, new KafkaOptions { MaxInFlight = 8, ResumeInFlight = 2 });

        var feeding = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
                ingress.Ingest(Topic, "drv-1"u8, TestKafka.Json(new DriverPing { DriverId = "drv-1", Seq = i, Lat = 1 }));
        });
        await dispatcher.WaitForCountAsync(8, TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.Equal(8, dispatcher.Count); // blocked at the bound
        Assert.False(feeding.IsCompleted);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!feeding.IsCompleted && DateTime.UtcNow < deadline)
        {
            dispatcher.FinishHeld(3);
            await Task.Delay(1);
        }

        await feeding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(100, dispatcher.Count);
        Assert.Equal(8, dispatcher.MaxUnfinished);
    }

    [Fact]
    public async Task Through_the_ordered_dispatcher_good_values_reach_their_key_in_order_and_bad_ones_keep_their_reason()
    {
        const long refusedSeq = 19;
        var handler = new RecordingHandler { Refuse = item => ((DriverPing)item).Seq == refusedSeq ? new ArgumentException("refused") : null };
        var dispatcher = new OrderedRecordDispatcher(topic => topic == Topic, (_, key, _) => key, handler.Handle);
        var sink = new RecordingSink();
        using var metrics = new KafkaStreamMetrics();
        using var ingress = new DirectStreamIngress(
            [new TopicBinding<DriverPing>(Topic, TestJsonContext.Default.DriverPing, DriverPing.Validate)],
            dispatcher, sink, metrics, Options.Create(new KafkaOptions()));
        var poison = new Dictionary<long, (byte[] Value, DeadLetterReason Reason)>
        {
            [3] = (Encoding.UTF8.GetBytes("{\"driver_id\":\"drv-0\",\"seq\":"), DeadLetterReason.MalformedJson),
            [7] = (Encoding.UTF8.GetBytes("{\"driver_id\":\"drv-1\",\"lat\":1}"), DeadLetterReason.MissingRequiredField),
            [11] = (TestKafka.Json(new DriverPing { DriverId = "drv-2", Seq = 11, Lat = 95 }), DeadLetterReason.ValidationFailed),
            [15] = ([], DeadLetterReason.MissingValue),
            [refusedSeq] = (TestKafka.Json(new DriverPing { DriverId = "drv-1", Seq = refusedSeq, Lat = 1 }), DeadLetterReason.GrainFailed),
        };

        for (var i = 0L; i < 24; i++)
        {
            var driver = $"drv-{i % 3}";
            var value = poison.TryGetValue(i, out var bad) ? bad.Value : TestKafka.Json(new DriverPing { DriverId = driver, Seq = i, Lat = 1 });
            ingress.Ingest(Topic, Encoding.UTF8.GetBytes(driver), value);
        }

        Assert.True(ingress.WaitForIdle(TimeSpan.FromSeconds(10)));
        Assert.Equal(poison.Select(p => (p.Key, p.Value.Reason)), sink.Letters.OrderBy(l => l.SourceOffset).Select(l => (l.SourceOffset, l.Reason)));
        Assert.All(sink.Letters, l => Assert.Equal(poison[l.SourceOffset].Value, l.Value.ToArray()));
        foreach (var driver in Enumerable.Range(0, 3))
        {
            var expected = Enumerable.Range(0, 24).Where(i => i % 3 == driver && !poison.ContainsKey(i)).Select(i => (long)i);
            Assert.Equal(expected, handler.HandledBy<DriverPing>($"drv-{driver}").Select(p => p.Seq));
        }

        Assert.Equal(1, handler.MaxInFlightPerKey);
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "the dispatcher has nothing pending");
    }

    [Fact]
    public void Unknown_topics_are_refused()
    {
        using var dispatcher = new RecordingDispatcher(Topic);
        using var metrics = new KafkaStreamMetrics();
        using var ingress = NewIngress(dispatcher, new RecordingSink(), metrics, new KafkaOptions());

        Assert.Equal("topic", Assert.Throws<ArgumentException>(() => ingress.Ingest("other", "k"u8, new byte[1])).ParamName);
    }

    private static DirectStreamIngress NewIngress(RecordingDispatcher dispatcher, IDeadLetterSink sink, KafkaStreamMetrics metrics, KafkaOptions options) =>
        new([new TopicBinding<DriverPing>(Topic, TestJsonContext.Default.DriverPing, DriverPing.Validate)], dispatcher, sink, metrics, Options.Create(options));

    /// <summary>Keeps dead letters in memory and confirms them at once.</summary>
    private sealed class RecordingSink : IDeadLetterSink
    {
        private readonly List<DeadLetter> _letters = [];

        public List<DeadLetter> Letters
        {
            get
            {
                lock (_letters)
                    return [.. _letters];
            }
        }

        public void Write(DeadLetter letter, Action onWritten)
        {
            lock (_letters)
                _letters.Add(letter);
            onWritten();
        }
    }
}
