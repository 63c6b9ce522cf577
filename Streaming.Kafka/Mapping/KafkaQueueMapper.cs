using System.Text;
using Confluent.Kafka;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// One Orleans queue per partition of each configured topic, and each stream on the partition Kafka's default
/// partitioner puts its key on: a stream in a topic's namespace, keyed by the UTF-8 record key, maps to partition
/// <c>(murmur2(key) &amp; 0x7fffffff) % partitionCount</c> of that topic. Producers using Java's default partitioner or
/// librdkafka's <c>murmur2_random</c> therefore put every record of a stream on that stream's queue.
/// </summary>
/// <remarks>
/// Implements <see cref="IConsistentRingStreamQueueMapper"/> because Orleans' default queue balancer requires it: the
/// queues are spread evenly over the hash ring, and each silo pulls those in its range. A queue's name prefix is its
/// topic and its numeric id the partition.
/// </remarks>
public sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly Dictionary<QueueId, (KafkaStreamTopic Topic, int Partition)> _partitions = [];
    private readonly TopicQueues[] _topics;

    /// <summary>Maps the given topics; validate them first (<see cref="KafkaStreamOptionsValidator"/>).</summary>
    /// <exception cref="ArgumentException">No topics, a partition count below 1, or a topic or namespace listed twice.</exception>
    public KafkaQueueMapper(IEnumerable<KafkaStreamTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        // A copy: later edits of the options must not move streams between queues.
        var list = topics.Select(t => new KafkaStreamTopic { Topic = t.Topic, StreamNamespace = t.StreamNamespace, PartitionCount = t.PartitionCount }).ToList();
        if (list.Count == 0)
            throw new ArgumentException("At least one topic is required.", nameof(topics));
        if (list.Any(t => t.PartitionCount < 1))
            throw new ArgumentException("Every topic needs a partition count of at least 1.", nameof(topics));
        if (list.DistinctBy(t => t.Topic, StringComparer.Ordinal).Count() != list.Count)
            throw new ArgumentException("A topic is listed twice.", nameof(topics));
        if (list.DistinctBy(t => t.StreamNamespace, StringComparer.Ordinal).Count() != list.Count)
            throw new ArgumentException("Two topics share a stream namespace.", nameof(topics));

        var total = list.Sum(t => t.PartitionCount);
        // Even spacing over the uint ring, as Orleans' HashRingBasedStreamQueueMapper does, so balancing is fair.
        var spacing = total == 1 ? 0u : (uint)(4294967296L / total + 1);
        _queues = new QueueId[total];
        _topics = new TopicQueues[list.Count];
        var index = 0;
        for (var t = 0; t < list.Count; t++)
        {
            var topic = list[t];
            var queues = new QueueId[topic.PartitionCount];
            for (var p = 0; p < topic.PartitionCount; p++)
            {
                var queue = QueueId.GetQueueId(topic.Topic, (uint)p, unchecked(spacing * (uint)index));
                queues[p] = queue;
                _queues[index++] = queue;
                _partitions.Add(queue, (topic, p));
            }

            _topics[t] = new TopicQueues(topic, Encoding.UTF8.GetBytes(topic.StreamNamespace), queues);
        }
    }

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => _queues;

    /// <inheritdoc />
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return _queues.Where(q => range.InRange(q.GetUniformHashCode())).ToList();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The stream's namespace is none of the configured topics' namespaces.</exception>
    public QueueId GetQueueForStream(StreamId streamId)
    {
        var topic = FindTopic(streamId.Namespace.Span)
            ?? throw new ArgumentException(
                $"Stream '{streamId}' has namespace '{streamId.GetNamespace()}', which no configured Kafka topic carries "
                + $"(configured: {string.Join(", ", _topics.Select(t => $"'{t.Topic.StreamNamespace}' -> {t.Topic.Topic}"))}).",
                nameof(streamId));
        return topic.Queues[KafkaMurmur2.Partition(streamId.Key.Span, topic.Queues.Length)];
    }

    /// <summary>The queue of <paramref name="partition"/> of <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException">The topic is not configured, or has no such partition.</exception>
    public QueueId GetQueue(string topic, int partition)
    {
        var entry = _topics.FirstOrDefault(t => t.Topic.Topic == topic)
            ?? throw new ArgumentException($"Topic '{topic}' is not configured.", nameof(topic));
        if ((uint)partition >= (uint)entry.Queues.Length)
            throw new ArgumentException($"Topic '{topic}' has partitions 0 to {entry.Queues.Length - 1}, not {partition}.", nameof(partition));
        return entry.Queues[partition];
    }

    /// <summary>The Kafka topic and partition a queue reads.</summary>
    /// <exception cref="ArgumentException">The queue is not one of this mapper's.</exception>
    public TopicPartition GetTopicPartition(QueueId queueId) =>
        TryGetTopicPartition(queueId, out var topicPartition)
            ? topicPartition
            : throw new ArgumentException($"Queue '{queueId.ToStringWithHashCode()}' is not one of this mapper's.", nameof(queueId));

    /// <summary>The Kafka topic and partition a queue reads, if the queue is one of this mapper's.</summary>
    public bool TryGetTopicPartition(QueueId queueId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TopicPartition? topicPartition)
    {
        if (_partitions.TryGetValue(queueId, out var entry))
        {
            topicPartition = new TopicPartition(entry.Topic.Topic, entry.Partition);
            return true;
        }

        topicPartition = null;
        return false;
    }

    /// <summary>The stream namespace of the topic a queue reads.</summary>
    /// <exception cref="ArgumentException">The queue is not one of this mapper's.</exception>
    public string GetStreamNamespace(QueueId queueId) =>
        _partitions.TryGetValue(queueId, out var entry)
            ? entry.Topic.StreamNamespace
            : throw new ArgumentException($"Queue '{queueId.ToStringWithHashCode()}' is not one of this mapper's.", nameof(queueId));

    // A handful of topics at most: a scan over UTF-8 bytes beats decoding the namespace into a string per call.
    private TopicQueues? FindTopic(ReadOnlySpan<byte> streamNamespace)
    {
        foreach (var topic in _topics)
        {
            if (streamNamespace.SequenceEqual(topic.Namespace))
                return topic;
        }

        return null;
    }

    private sealed record TopicQueues(KafkaStreamTopic Topic, byte[] Namespace, QueueId[] Queues);
}
