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

/// <summary>The Kafka stream provider and the outboxes: throughput, lag per partition, dead letters, records in cache.</summary>
/// <param name="ConsumerLag">The sum of <paramref name="Partitions"/>' lags.</param>
/// <param name="InCache">Records read and not yet delivered to every subscribed grain.</param>
public sealed record KafkaOverview(
    IReadOnlyList<TopicOverview> Topics,
    IReadOnlyList<PartitionLag> Partitions,
    long ConsumerLag,
    IReadOnlyDictionary<string, long> DeadLettersByReason,
    long InCache,
    IReadOnlyList<OutboxStatus> Outboxes);

/// <param name="RecordsRead">Since the silo started.</param>
/// <param name="RecordsPerSecond">Over the last sample interval.</param>
public sealed record TopicOverview(string Topic, long RecordsRead, double RecordsPerSecond, long DeadLettered);

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
