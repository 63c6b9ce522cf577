using SupplyGrid.Grains;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>The silo's figures at one moment: one point of every history chart.</summary>
/// <param name="At">When taken (UTC).</param>
/// <param name="Kafka">The stream layer, when the silo runs one.</param>
/// <param name="Offers">Offer transitions of this silo's drivers since it started.</param>
public sealed record SiloSample(DateTimeOffset At, KafkaSample? Kafka, OfferCounts Offers);

/// <summary>The stream layer in a <see cref="SiloSample"/>.</summary>
/// <param name="RecordsPerSecond">Records read per topic over the last interval.</param>
/// <param name="ConsumerLag">Records behind the high watermarks, all partitions.</param>
/// <param name="DeadLetters">Records dead-lettered since start.</param>
/// <param name="InCache">Records read and not yet delivered to every subscribed grain.</param>
public sealed record KafkaSample(IReadOnlyDictionary<string, double> RecordsPerSecond, long ConsumerLag, long DeadLetters, long InCache);
