using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>
/// The process's one idempotent Kafka producer (batching, retries until <c>Kafka:Outbox:DeliveryTimeout</c>), shared
/// by the outboxes. Disposing flushes queued messages for up to <c>Kafka:Outbox:FlushTimeout</c>.
/// </summary>
public sealed class KafkaProducer : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly TimeSpan _flushTimeout;
    private readonly ILogger _logger;
    private int _disposed;

    public KafkaProducer(KafkaClusterConnection connection, IOptions<KafkaOptions> options, ILogger<KafkaProducer> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _flushTimeout = options.Value.Outbox.FlushTimeout;
        _producer = new ProducerBuilder<byte[]?, byte[]?>(connection.CreateProducerConfig())
            .SetErrorHandler((_, error) => LogClientError(error))
            .SetLogHandler((_, message) => LogClientMessage(message))
            .Build();
    }

    /// <summary>Queues one message; <paramref name="onDelivered"/> runs on the producer's thread once the brokers answer.</summary>
    /// <exception cref="ProduceException{TKey,TValue}">The message was refused before queueing (e.g. too large).</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    internal void Produce(string topic, Message<byte[]?, byte[]?> message, Action<DeliveryReport<byte[]?, byte[]?>> onDelivered)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _producer.Produce(topic, message, onDelivered);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        var undelivered = _producer.Flush(_flushTimeout);
        if (undelivered > 0)
            _logger.LogError(
                "Kafka producer: {Count} message(s) still undelivered after {FlushTimeout} at shutdown",
                undelivered, _flushTimeout);
        _producer.Dispose();
    }

    private void LogClientError(Error error)
    {
        if (error.IsFatal)
            _logger.LogCritical("Kafka producer fatal error {Code}: {Reason}", error.Code, error.Reason);
        else
            _logger.LogWarning("Kafka producer error {Code}: {Reason}", error.Code, error.Reason);
    }

    private void LogClientMessage(LogMessage message) =>
        _logger.Log(KafkaLogLevels.ToLogLevel(message.Level), "librdkafka producer {Facility}: {Message}", message.Facility, message.Message);
}
