using SupplyGrid.Api.Health;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>The records the Kafka stream provider has read and not yet delivered to every subscribed grain.</summary>
internal sealed class StreamCachePendingRecords(KafkaStreamStatistics statistics) : IPendingRecords
{
    public long PendingRecords => statistics.RecordsInCache;
}
