using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>The provider's log messages, in one place so their event ids stay distinct.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Message = "librdkafka [{Partition}] {Facility}: {Text}")]
    public static partial void Client(ILogger logger, LogLevel level, TopicPartition partition, string facility, string text);

    [LoggerMessage(EventId = 2, Message = "Kafka client error on {Partition}: {Code} {Reason}")]
    public static partial void ClientError(ILogger logger, LogLevel level, TopicPartition partition, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Receiver for {Partition} started (group {GroupId}, from the committed offset).")]
    public static partial void ReceiverStarted(ILogger logger, TopicPartition partition, string groupId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Receiver for {Partition} stopped; committed up to offset {Offset}.")]
    public static partial void ReceiverStopped(ILogger logger, TopicPartition partition, long offset);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Dead-lettering record {Partition}@{Offset} to {DeadLetterTopic} ({Category}): {Reason}")]
    public static partial void DeadLettering(ILogger logger, TopicPartition partition, long offset, string deadLetterTopic, string category, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Reading {Partition} failed; returning what was read so far.")]
    public static partial void ReadFailed(ILogger logger, Exception exception, TopicPartition partition);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Committing offset {Offset} of {Partition} failed; it is retried at the next read.")]
    public static partial void CommitFailed(ILogger logger, Exception exception, TopicPartition partition, long offset);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Committed offset {Offset} of {Partition}.")]
    public static partial void Committed(ILogger logger, TopicPartition partition, long offset);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error,
        Message = "Dead letter of record {Partition}@{Offset} was NOT written to {DeadLetterTopic}. The partition's commits stop at this offset until a receiver restarts and reads the record again; later records are still delivered.")]
    public static partial void DeadLetterFailed(ILogger logger, Exception exception, TopicPartition partition, long offset, string deadLetterTopic);

    [LoggerMessage(EventId = 10, Message = "librdkafka [dead letters to {DeadLetterTopic}] {Facility}: {Text}")]
    public static partial void DeadLetterClient(ILogger logger, LogLevel level, string deadLetterTopic, string facility, string text);

    [LoggerMessage(EventId = 11, Message = "Kafka client error of the dead-letter producer ({DeadLetterTopic}): {Code} {Reason}")]
    public static partial void DeadLetterClientError(ILogger logger, LogLevel level, string deadLetterTopic, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Receiver for {Partition} stopped with {Count} dead letter(s) unacknowledged; their records stay uncommitted.")]
    public static partial void DeadLettersUnacknowledgedAtShutdown(ILogger logger, TopicPartition partition, int count);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Record {Partition}@{Offset} goes to no stream: {Reason}")]
    public static partial void Ignored(ILogger logger, TopicPartition partition, long offset, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error,
        Message = "Record {Partition}@{Offset} could not be delivered to a subscriber of {StreamId} within {Limit}: it goes to the dead-letter topic and its stream goes on.")]
    public static partial void DeliveryFailed(ILogger logger, TopicPartition partition, long offset, Orleans.Runtime.StreamId streamId, TimeSpan limit);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error,
        Message = "Undeliverable record {Partition}@{Offset} could not be read again within {Timeout} to dead-letter it. The partition's commits stop at this offset until a receiver restarts and delivers it again.")]
    public static partial void RereadFailed(ILogger logger, TopicPartition partition, long offset, TimeSpan timeout);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Subscription {Subscription} to {StreamId} failed to start at {Token}; Orleans retries it.")]
    public static partial void SubscriptionFailed(ILogger logger, string subscription, Orleans.Runtime.StreamId streamId, string? token);
}
