using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// The provider's view of Kafka: one receiver per partition queue. Read-only in this version: events enter the streams
/// through Kafka producers, not through Orleans' stream producers.
/// </summary>
internal sealed class KafkaQueueAdapter(
    string name,
    KafkaStreamOptions options,
    KafkaQueueMapper mapper,
    IKafkaDeadLetterSink deadLetters,
    KafkaStreamStatistics statistics,
    ILoggerFactory loggerFactory,
    TimeProvider time)
    : IQueueAdapter
{
    private readonly ILogger _receiverLogger = loggerFactory.CreateLogger($"{typeof(KafkaQueueAdapterReceiver).FullName}.{name}");
    // The latest receiver of each queue: where a delivery failure of the queue's records is handled.
    private readonly ConcurrentDictionary<QueueId, KafkaQueueAdapterReceiver> _receivers = new();

    public string Name => name;

    // Subscribing from an earlier token would need seeking the partition back; SimpleQueueCache cannot serve it either.
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        Task.FromException(new NotSupportedException(
            $"Kafka stream provider '{name}' only consumes: produce to the topic of stream namespace '{streamId.GetNamespace()}' with a Kafka producer, "
            + "keyed by the stream key and partitioned by murmur2 (librdkafka's partitioner=murmur2_random, Java's default)."));

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        _receivers[queueId] = new KafkaQueueAdapterReceiver(
            options, mapper.GetTopicPartition(queueId), mapper.GetStreamNamespace(queueId), deadLetters, statistics, _receiverLogger, time);

    /// <summary>The receiver last created for <paramref name="queueId"/>, if any.</summary>
    public KafkaQueueAdapterReceiver? ReceiverOf(QueueId queueId) => _receivers.GetValueOrDefault(queueId);
}
