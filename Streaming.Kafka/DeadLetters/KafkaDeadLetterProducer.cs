using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using SupplyGrid.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// The provider's one dead-letter producer, shared by its receivers and built on the first dead letter: idempotent,
/// <c>acks=all</c>, on the provider's <see cref="KafkaStreamOptions.BootstrapServers"/> and
/// <see cref="KafkaStreamOptions.ProducerSettings"/>. librdkafka retries a failed send itself until
/// <c>message.timeout.ms</c> (5 minutes by default); a write fails only after that, or when the producer cannot be
/// built (bad settings), or its queue is full.
/// </summary>
internal sealed class KafkaDeadLetterProducer : IKafkaDeadLetterSink, IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    private readonly string _topic;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    public KafkaDeadLetterProducer(KafkaStreamOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _topic = options.DeadLetterTopic;
        _producer = new Lazy<IProducer<byte[]?, byte[]?>>(() => Build(options, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task WriteAsync(KafkaDeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        try
        {
            return _producer.Value.ProduceAsync(_topic, letter.ToMessage());
        }
        catch (Exception e)
        {
            // Building the producer (settings) or queueing the record failed: the same as a failed write.
            return Task.FromException(e);
        }
    }

    public void Dispose()
    {
        // Not built (no dead letter yet, or its settings were refused): nothing to release.
        if (!_producer.IsValueCreated)
            return;
        var producer = _producer.Value;
        // Letters still queued get their chance to be acknowledged; their records are uncommitted either way.
        try
        {
            producer.Flush(FlushTimeout);
        }
        finally
        {
            producer.Dispose();
        }
    }

    private static IProducer<byte[]?, byte[]?> Build(KafkaStreamOptions options, ILogger logger)
    {
        BundledLibRdKafka.EnsureLoaded();
        // The same partitioner as the topics read, unless the settings say otherwise: a key's dead letters stay together.
        var config = new ProducerConfig { Partitioner = Partitioner.Murmur2Random };
        foreach (var (key, value) in options.ProducerSettings)
            config.Set(key, value);
        config.BootstrapServers = options.BootstrapServers;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;

        var topic = options.DeadLetterTopic;
        return new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler((_, message) => Log.DeadLetterClient(logger, PartitionConsumer.ToLogLevel(message.Level), topic, message.Facility, message.Message))
            .SetErrorHandler((_, error) => Log.DeadLetterClientError(logger, error.IsFatal ? LogLevel.Error : LogLevel.Warning, topic, error.Code, error.Reason))
            .Build();
    }
}
