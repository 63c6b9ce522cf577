using System.Diagnostics;
using SupplyGrid.Grains;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// Takes one sample of what the silo page shows: the Kafka stream provider's figures and the outboxes, when the silo
/// runs them, and the offer funnel. Records/s per topic is the change in the topic's running total since the previous
/// sample over the time between them. Not thread-safe: one sampler calls it.
/// </summary>
internal sealed class SiloMetricsCollector
{
    private readonly Func<KafkaStreamFigures>? _streams;
    private readonly Func<IReadOnlyList<OutboxStatus>> _outboxes;
    private readonly Func<OfferCounts> _offers;
    private readonly TimeProvider _time;
    private readonly string? _siloAddress;
    private readonly DateTimeOffset _startedAt;
    private IReadOnlyDictionary<string, long> _readTotals = new Dictionary<string, long>(StringComparer.Ordinal);
    private long _previousTimestamp;

    /// <param name="streams">The stream provider's figures; null when the silo reads no Kafka topics.</param>
    /// <param name="outboxes">The Kafka outboxes' counts; none when null.</param>
    /// <param name="offers">The offer funnel's running totals.</param>
    /// <param name="time">The clock of the sample times and rates.</param>
    /// <param name="siloAddress">The Orleans silo address, for the page's header.</param>
    public SiloMetricsCollector(
        Func<KafkaStreamFigures>? streams, Func<IReadOnlyList<OutboxStatus>>? outboxes, Func<OfferCounts> offers, TimeProvider time, string? siloAddress)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(time);
        _streams = streams;
        _outboxes = outboxes ?? (() => []);
        _offers = offers;
        _time = time;
        _siloAddress = siloAddress;
        // Prime the running totals so the first sample's rates cover its own interval, not everything since start.
        if (streams is not null)
            _readTotals = streams().RecordsRead;
        _previousTimestamp = time.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        _startedAt = process.StartTime.ToUniversalTime();
    }

    public (SiloSample Sample, SiloOverview Overview) Collect()
    {
        var timestamp = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_previousTimestamp, timestamp);
        _previousTimestamp = timestamp;

        var kafka = _streams is null ? null : Kafka(_streams(), Math.Max(elapsed.TotalSeconds, 1e-3));
        var offers = _offers();
        // Whole milliseconds: the time round-trips exactly through ISO-8601 text and JavaScript dates (?after=).
        var now = _time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

        var kafkaSample = kafka is null
            ? null
            : new KafkaSample(kafka.Topics.ToDictionary(t => t.Topic, t => t.RecordsPerSecond, StringComparer.Ordinal),
                kafka.ConsumerLag, kafka.DeadLettersByReason.Values.Sum(), kafka.InCache);
        var identity = new SiloIdentity(Environment.MachineName, Environment.ProcessId, _siloAddress, _startedAt,
            Math.Max(0, (at - _startedAt).TotalSeconds));
        return (new SiloSample(at, kafkaSample, offers), new SiloOverview(at, identity, kafka, OfferFunnel.From(offers)));
    }

    private KafkaOverview Kafka(KafkaStreamFigures figures, double seconds)
    {
        var topics = figures.RecordsRead
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TopicOverview(t.Key, t.Value, Rate(t.Value - _readTotals.GetValueOrDefault(t.Key), seconds), figures.DeadLettered.GetValueOrDefault(t.Key)))
            .ToList();
        _readTotals = figures.RecordsRead;
        return new KafkaOverview(topics, figures.Partitions, figures.Partitions.Sum(p => Math.Max(0, p.Lag)), figures.DeadLettersByReason,
            figures.InCache, _outboxes());
    }

    // Counters only grow; a negative change means the totals restarted, not negative traffic.
    private static double Rate(long delta, double seconds) => Math.Max(0, delta) / seconds;
}
