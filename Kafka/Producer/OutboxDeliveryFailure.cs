namespace SupplyGrid.Kafka;

/// <summary>A message the producer gave up on after its retries (or that was still queued at shutdown).</summary>
public sealed record OutboxDeliveryFailure(string Topic, string Key, ReadOnlyMemory<byte> Value, string Error, DateTimeOffset FailedAt);
