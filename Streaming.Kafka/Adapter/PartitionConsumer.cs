using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using SupplyGrid.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>Builds the consumer a receiver reads its one partition with.</summary>
internal static class PartitionConsumer
{
    /// <summary>
    /// A consumer assigned <paramref name="partition"/> at the group's committed offset (or
    /// <see cref="KafkaStreamOptions.AutoOffsetReset"/> when there is none). It never subscribes: Orleans' queue balancer
    /// decides which silo reads a partition, and a group rebalance on top would fight it (and on librdkafka's mock
    /// broker, a group whose last member left makes the next joiner wait out the session timeout). The group id only
    /// names where offsets are committed. Nothing is committed or stored automatically: the receiver commits what the
    /// stream cache has let go of.
    /// </summary>
    public static IConsumer<byte[], byte[]> Open(KafkaStreamOptions options, TopicPartition partition, ILogger logger)
    {
        // Confluent.Kafka would otherwise load whichever librdkafka it finds first.
        BundledLibRdKafka.EnsureLoaded();
        var config = new ConsumerConfig();
        foreach (var (key, value) in options.ConsumerSettings)
            config.Set(key, value);
        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = options.ConsumerGroupId;
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = options.AutoOffsetReset;
        // The end-of-partition event tells the receiver its position when it has caught up (the lag gauge needs it).
        config.EnablePartitionEof = true;

        var consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, message) => Log.Client(logger, ToLogLevel(message.Level), partition, message.Facility, message.Message))
            .SetErrorHandler((_, error) => Log.ClientError(logger, error.IsFatal ? LogLevel.Error : LogLevel.Warning, partition, error.Code, error.Reason))
            .Build();
        try
        {
            consumer.Assign(new TopicPartitionOffset(partition, Offset.Stored));
            return consumer;
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }

    // librdkafka's info level reports routine connection events; those belong at debug.
    internal static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
