using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using SupplyGrid.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>Builds the consumers a receiver reads its one partition with.</summary>
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
        // The end-of-partition event tells the receiver its position when it has caught up (the lag gauge needs it).
        var consumer = Build(options, partition, logger, partitionEof: true);
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

    /// <summary>
    /// Reads the record at <paramref name="offset"/> of <paramref name="partition"/> again, with a consumer of its own
    /// (the receiver's has read past it); null when it could not be read within <paramref name="timeout"/>. Blocks.
    /// </summary>
    public static ConsumeResult<byte[], byte[]>? ReadAt(KafkaStreamOptions options, TopicPartition partition, long offset, TimeSpan timeout, ILogger logger)
    {
        using var consumer = Build(options, partition, logger, partitionEof: false);
        consumer.Assign(new TopicPartitionOffset(partition, offset));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < timeout)
            {
                if (consumer.Consume(timeout - clock.Elapsed) is { } result)
                    return result.Offset.Value == offset ? result : null;
            }

            return null;
        }
        catch (ConsumeException)
        {
            return null;
        }
        finally
        {
            consumer.Close();
        }
    }

    private static IConsumer<byte[], byte[]> Build(KafkaStreamOptions options, TopicPartition partition, ILogger logger, bool partitionEof)
    {
        // Confluent.Kafka would otherwise load whichever librdkafka it finds first.
        BundledLibRdKafka.EnsureLoaded();
        return new ConsumerBuilder<byte[], byte[]>(Config(options, partitionEof))
            .SetLogHandler((_, message) => Log.Client(logger, ToLogLevel(message.Level), partition, message.Facility, message.Message))
            .SetErrorHandler((_, error) => Log.ClientError(logger, error.IsFatal ? LogLevel.Error : LogLevel.Warning, partition, error.Code, error.Reason))
            .Build();
    }

    /// <summary>
    /// A partition consumer's settings: <see cref="KafkaStreamOptions.ConsumerDefaults"/>, then
    /// <see cref="KafkaStreamOptions.ConsumerSettings"/>, then the ones the provider manages.
    /// </summary>
    internal static ConsumerConfig Config(KafkaStreamOptions options, bool partitionEof)
    {
        var config = new ConsumerConfig();
        foreach (var (key, value) in KafkaStreamOptions.ConsumerDefaults)
            config.Set(key, value);
        foreach (var (key, value) in options.ConsumerSettings)
            config.Set(key, value);
        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = options.ConsumerGroupId;
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = options.AutoOffsetReset;
        config.EnablePartitionEof = partitionEof;
        return config;
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
