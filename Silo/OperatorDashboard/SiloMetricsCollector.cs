using System.Diagnostics;
using SupplyGrid.Grains;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// Takes one sample of what the silo page shows: the Kafka stream layer's snapshot, when the silo runs Kafka streams,
/// and the offer funnel. Records/s per topic is the change in the topic's running total since the previous sample over
/// the time between them. Not thread-safe: one sampler calls it.
/// </summary>
internal sealed class SiloMetricsCollector
{
    private readonly Func<KafkaStreamSnapshot>? _kafka;
    private readonly Func<OfferCounts> _offers;
    private readonly TimeProvider _time;
    private readonly string? _siloAddress;
    private readonly DateTimeOffset _startedAt;
    private Dictionary<string, long> _consumedTotals = new(StringComparer.Ordinal);
    private long _previousTimestamp;

    /// <param name="kafka">The stream layer's snapshot; null when the silo runs no Kafka streams.</param>
    /// <param name="offers">The offer funnel's running totals.</param>
    /// <param name="time">The clock of the sample times and rates.</param>
    /// <param name="siloAddress">The Orleans silo address, for the page's header.</param>
    public SiloMetricsCollector(Func<KafkaStreamSnapshot>? kafka, Func<OfferCounts> offers, TimeProvider time, string? siloAddress)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(time);
        _kafka = kafka;
        _offers = offers;
        _time = time;
        _siloAddress = siloAddress;
        // Prime the running totals so the first sample's rates cover its own interval, not everything since start.
        if (kafka is not null)
            Kafka(kafka(), 1);
        _previousTimestamp = time.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        _startedAt = process.StartTime.ToUniversalTime();
    }

    public (SiloSample Sample, SiloOverview Overview) Collect()
    {
        var timestamp = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_previousTimestamp, timestamp);
        _previousTimestamp = timestamp;

        var kafka = _kafka is null ? null : Kafka(_kafka(), Math.Max(elapsed.TotalSeconds, 1e-3));
        var offers = _offers();
        // Whole milliseconds: the time round-trips exactly through ISO-8601 text and JavaScript dates (?after=).
        var now = _time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

        var kafkaSample = kafka is null
            ? null
            : new KafkaSample(kafka.Topics.ToDictionary(t => t.Topic, t => t.RecordsPerSecond, StringComparer.Ordinal),
                kafka.ConsumerLag, kafka.DeadLettersByReason.Values.Sum(), kafka.InFlight);
        var identity = new SiloIdentity(Environment.MachineName, Environment.ProcessId, _siloAddress, _startedAt,
            Math.Max(0, (at - _startedAt).TotalSeconds));
        return (new SiloSample(at, kafkaSample, offers), new SiloOverview(at, identity, kafka, OfferFunnel.From(offers)));
    }

    private KafkaOverview Kafka(KafkaStreamSnapshot snapshot, double seconds)
    {
        var consumed = new Dictionary<string, long>(snapshot.Topics.Count, StringComparer.Ordinal);
        var topics = new List<TopicOverview>(snapshot.Topics.Count);
        foreach (var t in snapshot.Topics)
        {
            consumed[t.Topic] = t.RecordsConsumed;
            var rate = Rate(t.RecordsConsumed - _consumedTotals.GetValueOrDefault(t.Topic), seconds);
            topics.Add(new TopicOverview(t.Topic, t.RecordsConsumed, rate, t.DeadLettered));
        }

        _consumedTotals = consumed;
        // A partition whose end is not known yet reports a negative lag: it adds nothing to the total.
        return new KafkaOverview(topics, snapshot.Partitions, snapshot.Partitions.Sum(p => Math.Max(0, p.Lag)), snapshot.DeadLettersByReason,
            snapshot.InFlight, snapshot.DeliveryLatencyP50.TotalMilliseconds, snapshot.DeliveryLatencyP99.TotalMilliseconds, snapshot.Outboxes);
    }

    // Counters only grow; a negative change means the totals restarted, not negative traffic.
    private static double Rate(long delta, double seconds) => Math.Max(0, delta) / seconds;
}
