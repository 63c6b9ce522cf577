namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>The silo's figures at one moment: one point of every history chart.</summary>
/// <param name="At">When taken (UTC).</param>
/// <param name="Activations">Live activations, all grain types.</param>
/// <param name="PendingMessages">Messages waiting in all mailboxes.</param>
/// <param name="Reminders">Reminders scheduled in this silo.</param>
/// <param name="CallsPerSecond">Completed grain calls over the last interval, all grain types.</param>
/// <param name="FailuresPerSecond">Failed grain calls over the last interval.</param>
/// <param name="GrainTypes">Per grain type.</param>
/// <param name="Process">CPU, memory, GC, thread pool.</param>
/// <param name="Kafka">The stream layer, when the silo runs one.</param>
public sealed record SiloSample(
    DateTimeOffset At,
    long Activations,
    long PendingMessages,
    int Reminders,
    double CallsPerSecond,
    double FailuresPerSecond,
    IReadOnlyDictionary<string, GrainTypeSample> GrainTypes,
    ProcessFigures Process,
    KafkaSample? Kafka);

/// <summary>One grain type in a <see cref="SiloSample"/>.</summary>
public readonly record struct GrainTypeSample(long Activations, long MailboxDepth, double CallsPerSecond, double FailuresPerSecond);

/// <summary>The stream layer in a <see cref="SiloSample"/>.</summary>
/// <param name="RecordsPerSecond">Records taken per topic over the last interval.</param>
/// <param name="ConsumerLag">Records behind the high watermarks, all partitions.</param>
/// <param name="DeadLetters">Records dead-lettered since start.</param>
/// <param name="InFlight">Records handed to grains and not yet finished.</param>
public sealed record KafkaSample(IReadOnlyDictionary<string, double> RecordsPerSecond, long ConsumerLag, long DeadLetters, long InFlight);
