using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>One cached record: in the cache's offset order and in its stream's index at once.</summary>
internal sealed class KafkaQueueCacheItem(IBatchContainer batch, long offset, KafkaQueueCacheStream stream, long purgesBefore)
{
    public IBatchContainer Batch { get; } = batch;

    /// <summary>The record's offset (its token's sequence number).</summary>
    public long Offset { get; } = offset;

    public KafkaQueueCacheStream Stream { get; } = stream;

    /// <summary>How many purges the cache had run when the record was added.</summary>
    public long PurgesBefore { get; } = purgesBefore;

    /// <summary>A subscriber failed to take it: it is purged without being reported (see <see cref="KafkaQueueCache.TryPurgeFromCache"/>).</summary>
    public bool DeliveryFailed { get; set; }
}
