using SupplyGrid.Grains.Cities;
using SupplyGrid.Grains;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// What the silo page shows now (GET /silo/api/overview): the Kafka stream layer and the offer funnel, the two things
/// Orleans' own dashboard cannot know. Activations, calls, latency, CPU and memory are on Orleans' dashboard.
/// </summary>
public sealed record SiloOverview(DateTimeOffset At, SiloIdentity Silo, KafkaOverview? Kafka, OfferFunnel Offers);

/// <summary>Which process the figures are from: they are per process, so a cluster has one page per silo.</summary>
/// <param name="SiloAddress">The Orleans silo address, as Orleans' dashboard lists it; null when the host runs no silo.</param>
public sealed record SiloIdentity(string Machine, int ProcessId, string? SiloAddress, DateTimeOffset StartedAt, double UptimeSeconds);

/// <summary>The Kafka stream layer: throughput, per-partition progress and lag, dead letters, outboxes.</summary>
public sealed record KafkaOverview(
    IReadOnlyList<TopicOverview> Topics,
    IReadOnlyList<PartitionProgress> Partitions,
    long ConsumerLag,
    IReadOnlyDictionary<string, long> DeadLettersByReason,
    long InFlight,
    double DeliveryP50Milliseconds,
    double DeliveryP99Milliseconds,
    IReadOnlyList<OutboxStatus> Outboxes);

/// <param name="RecordsPerSecond">Over the last sample interval.</param>
public sealed record TopicOverview(string Topic, long RecordsConsumed, double RecordsPerSecond, long DeadLettered);

/// <summary>Offers of this silo's drivers by the state they reached, since the silo started.</summary>
/// <param name="AcceptanceRate">
/// Accepted over accepted, declined and expired (the offers that got an answer or ran out), as the city's KPIs define
/// it; null before any.
/// </param>
public sealed record OfferFunnel(long Sent, long Accepted, long Declined, long Expired, long Arrived, long Failed, double? AcceptanceRate)
{
    public static OfferFunnel From(OfferCounts counts) =>
        new(counts.Sent, counts.Accepted, counts.Declined, counts.Expired, counts.Arrived, counts.Failed, counts.AcceptanceRate());
}
