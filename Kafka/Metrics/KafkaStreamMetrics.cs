using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SupplyGrid.Kafka;

/// <summary>
/// The stream layer's numbers, as System.Diagnostics.Metrics instruments (meter <c>SupplyGrid.Kafka</c>) and as a
/// <see cref="KafkaStreamSnapshot"/> for the operator dashboard. One instance per process, shared by every pump,
/// outbox and the dead-letter writer.
/// </summary>
public sealed class KafkaStreamMetrics : IDisposable
{
    public const string MeterName = "SupplyGrid.Kafka";

    /// <summary>Rates and latency percentiles are computed over windows at least this long.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TopicCounters> _topics = new(StringComparer.Ordinal);
    private readonly Lock _sourcesGate = new();
    private readonly List<IStreamProgressSource> _streams = [];
    private readonly List<IOutboxStatusSource> _outboxes = [];
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _pauses;
    private readonly Counter<long> _outboxDelivered;
    private readonly Counter<long> _outboxFailed;
    private readonly Histogram<double> _deliveryDuration;

    private readonly Lock _windowGate = new();
    private RateSample _lastSample;
    private RateWindowResult _lastWindow;

    public KafkaStreamMetrics(IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _lastSample = new RateSample(_time.GetTimestamp(), new Dictionary<string, long>(StringComparer.Ordinal), DeliveryLatency.CopyCounts());
        _lastWindow = new RateWindowResult(new Dictionary<string, double>(StringComparer.Ordinal), TimeSpan.Zero, TimeSpan.Zero);

        _meter.CreateObservableCounter("supplygrid.kafka.records.consumed", ObserveConsumed, "{record}", "Records taken from each topic.");
        _meter.CreateObservableGauge("supplygrid.kafka.records.rate", ObserveRates, "{record}/s", "Records per second taken from each topic.");
        _meter.CreateObservableGauge("supplygrid.kafka.consumer.lag", ObserveLag, "{record}", "Records between the committed offset and the high watermark, per partition.");
        _meter.CreateObservableGauge("supplygrid.kafka.records.in_flight", () => InFlight, "{record}", "Records handed to the dispatcher and not finished.");
        _meter.CreateObservableGauge("supplygrid.kafka.outbox.pending", ObserveOutboxPending, "{message}", "Outbox messages awaiting broker confirmation.");
        _deadLetters = _meter.CreateCounter<long>("supplygrid.kafka.dead_letters", "{record}", "Records sent to the dead-letter topic, by topic and reason.");
        _pauses = _meter.CreateCounter<long>("supplygrid.kafka.consumer.pauses", "{pause}", "Times a pump paused partitions under backpressure.");
        _outboxDelivered = _meter.CreateCounter<long>("supplygrid.kafka.outbox.delivered", "{message}", "Outbox messages confirmed by the brokers.");
        _outboxFailed = _meter.CreateCounter<long>("supplygrid.kafka.outbox.failed", "{message}", "Outbox messages that could not be delivered.");
        _deliveryDuration = _meter.CreateHistogram<double>("supplygrid.kafka.delivery.duration", "ms", "Time from consume to the end of the record's handling.");
    }

    /// <summary>Consume-to-handled durations since start, of one record in eight (by offset).</summary>
    public LatencyHistogram DeliveryLatency { get; } = new();

    public long InFlight
    {
        get
        {
            lock (_sourcesGate)
                return _streams.Sum(s => s.InFlight);
        }
    }

    /// <summary>The counters of <paramref name="topic"/> (created on first use).</summary>
    public TopicCounters CountersFor(string topic) => _topics.GetOrAdd(topic, static t => new TopicCounters(t));

    public KafkaStreamSnapshot GetSnapshot()
    {
        var window = AdvanceWindow();
        List<IStreamProgressSource> streams;
        List<IOutboxStatusSource> outboxes;
        lock (_sourcesGate)
        {
            streams = [.. _streams];
            outboxes = [.. _outboxes];
        }

        var topics = _topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal)
            .Select(t => new TopicThroughput(
                t.Topic, t.Consumed, window.RecordsPerSecond.GetValueOrDefault(t.Topic), DeadLetterReasons.All.Sum(t.DeadLettered)))
            .ToList();
        var partitions = streams.SelectMany(s => s.Partitions)
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition).ToList();
        var deadLetters = DeadLetterReasons.All.ToDictionary(r => r.WireName(), r => _topics.Values.Sum(t => t.DeadLettered(r)));
        return new KafkaStreamSnapshot(
            _time.GetUtcNow(), topics, partitions, deadLetters, streams.Sum(s => s.InFlight),
            window.LatencyP50, window.LatencyP99, [.. outboxes.Select(o => o.Status)]);
    }

    internal IDisposable Register(IStreamProgressSource source) => Register(_streams, source);

    internal IDisposable Register(IOutboxStatusSource source) => Register(_outboxes, source);

    internal void RecordDeadLetter(TopicCounters counters, DeadLetterReason reason)
    {
        counters.CountDeadLettered(reason);
        _deadLetters.Add(1, new KeyValuePair<string, object?>("topic", counters.Topic), new KeyValuePair<string, object?>("reason", reason.WireName()));
    }

    internal void RecordDelivery(long admittedAt)
    {
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(admittedAt);
        DeliveryLatency.Record(elapsed);
        if (_deliveryDuration.Enabled)
            _deliveryDuration.Record(elapsed.TotalMilliseconds);
    }

    internal void RecordPause() => _pauses.Add(1);

    internal void RecordOutboxDelivered(string topic) => _outboxDelivered.Add(1, new KeyValuePair<string, object?>("topic", topic));

    internal void RecordOutboxFailed(string topic) => _outboxFailed.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }

    private IDisposable Register<T>(List<T> sources, T source)
    {
        lock (_sourcesGate)
            sources.Add(source);
        return new Registration(() =>
        {
            lock (_sourcesGate)
                sources.Remove(source);
        });
    }

    /// <summary>Rates and latency over the window since the previous sample, once that window is long enough.</summary>
    private RateWindowResult AdvanceWindow()
    {
        lock (_windowGate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastSample.Timestamp, now);
            if (elapsed < RateWindow)
                return _lastWindow;

            var consumed = _topics.Values.ToDictionary(t => t.Topic, t => t.Consumed, StringComparer.Ordinal);
            var rates = consumed.ToDictionary(
                kv => kv.Key, kv => (kv.Value - _lastSample.Consumed.GetValueOrDefault(kv.Key)) / elapsed.TotalSeconds, StringComparer.Ordinal);
            var latency = DeliveryLatency.CopyCounts();
            var recent = LatencyHistogram.Difference(latency, _lastSample.LatencyCounts);
            _lastWindow = new RateWindowResult(rates, LatencyHistogram.Percentile(recent, 0.5), LatencyHistogram.Percentile(recent, 0.99));
            _lastSample = new RateSample(now, consumed, latency);
            return _lastWindow;
        }
    }

    private IEnumerable<Measurement<long>> ObserveConsumed() =>
        _topics.Values.Select(t => new Measurement<long>(t.Consumed, new KeyValuePair<string, object?>("topic", t.Topic)));

    private IEnumerable<Measurement<double>> ObserveRates() =>
        AdvanceWindow().RecordsPerSecond.Select(kv => new Measurement<double>(kv.Value, new KeyValuePair<string, object?>("topic", kv.Key)));

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        List<IStreamProgressSource> streams;
        lock (_sourcesGate)
            streams = [.. _streams];
        return streams.SelectMany(s => s.Partitions).Select(p => new Measurement<long>(
            p.Lag, new KeyValuePair<string, object?>("topic", p.Topic), new KeyValuePair<string, object?>("partition", p.Partition)));
    }

    private IEnumerable<Measurement<long>> ObserveOutboxPending()
    {
        List<IOutboxStatusSource> outboxes;
        lock (_sourcesGate)
            outboxes = [.. _outboxes];
        return outboxes.Select(o => o.Status).Select(s => new Measurement<long>(s.Pending, new KeyValuePair<string, object?>("topic", s.Topic)));
    }

    private sealed record RateSample(long Timestamp, Dictionary<string, long> Consumed, long[] LatencyCounts);

    private sealed record RateWindowResult(Dictionary<string, double> RecordsPerSecond, TimeSpan LatencyP50, TimeSpan LatencyP99);

    private sealed class Registration(Action unregister) : IDisposable
    {
        private Action? _unregister = unregister;

        public void Dispose() => Interlocked.Exchange(ref _unregister, null)?.Invoke();
    }
}
