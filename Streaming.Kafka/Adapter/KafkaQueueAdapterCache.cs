using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Creates the <see cref="KafkaQueueCache"/> of each partition the silo reads, each holding at most
/// <c>cacheSize</c> records.
/// </summary>
internal sealed class KafkaQueueAdapterCache : IQueueAdapterCache
{
    private readonly int _cacheSize;

    /// <summary>Caches of at most <paramref name="cacheSize"/> records each.</summary>
    public KafkaQueueAdapterCache(int cacheSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 1);
        _cacheSize = cacheSize;
    }

    /// <inheritdoc />
    public IQueueCache CreateQueueCache(QueueId queueId) => new KafkaQueueCache(_cacheSize);
}
