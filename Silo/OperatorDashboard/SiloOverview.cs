using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>Everything the operator dashboard shows about the silo now (GET /silo/api/overview).</summary>
public sealed record SiloOverview(DateTimeOffset At, SiloIdentity Silo, GridOverview Grid, ProcessFigures Process, KafkaOverview? Kafka);

/// <summary>Which process this is.</summary>
public sealed record SiloIdentity(string Machine, int ProcessId, DateTimeOffset StartedAt, double UptimeSeconds, int ProcessorCount, string Runtime);

/// <summary>The grid's activations, mailboxes and calls; rates are over the last sample interval.</summary>
public sealed record GridOverview(
    long Activations,
    long PendingMessages,
    int Reminders,
    double CallsPerSecond,
    double FailuresPerSecond,
    IReadOnlyList<GrainTypeOverview> GrainTypes);

public sealed record GrainTypeOverview(
    string GrainType,
    long Activations,
    long MailboxDepth,
    long Calls,
    long Failures,
    double CallsPerSecond,
    double FailuresPerSecond,
    IReadOnlyList<MethodOverview> Methods);

/// <param name="P50Microseconds">Median latency from send to completion, since start.</param>
/// <param name="P99Microseconds">99th percentile of the same, since start.</param>
public sealed record MethodOverview(
    string Interface,
    string Method,
    long Calls,
    long Failures,
    double CallsPerSecond,
    double P50Microseconds,
    double P99Microseconds);

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
