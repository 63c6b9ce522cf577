using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SupplyGrid.Kafka;

/// <summary>
/// A bounded outbox over the shared idempotent <see cref="KafkaProducer"/>: JSON values (source-generated metadata),
/// UTF-8 string keys. It holds at most <c>Kafka:Outbox:Capacity</c> unconfirmed messages; callers wait for room and
/// then get <see cref="KafkaOutboxFullException"/>. A message that fails after the producer's retries is counted,
/// logged and raised through <see cref="DeliveryFailed"/>; nothing is dropped silently, not even at shutdown.
/// </summary>
public sealed class KafkaOutbox<T> : IKafkaOutbox<T>, IOutboxStatusSource, IDisposable
    where T : class
{
    private readonly KafkaProducer _producer;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly KafkaOutboxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _enqueueTimeout;
    private readonly TimeSpan _flushTimeout;
    private readonly SemaphoreSlim _room;
    private readonly ConcurrentDictionary<long, PendingMessage> _pending = new();
    private readonly IDisposable _registration;
    private long _nextId;
    private long _delivered;
    private long _failed;
    private int _disposed;

    public KafkaOutbox(
        string topic, JsonTypeInfo<T> typeInfo, KafkaProducer producer, KafkaProducerOptions options, KafkaOutboxMetrics metrics,
        ILogger<KafkaOutbox<T>> logger, TimeProvider? time = null)
    {
        KafkaTopicName.ThrowIfInvalid(topic);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, $"{nameof(options)}.{nameof(options.Capacity)}");
        Topic = topic;
        _typeInfo = typeInfo;
        _producer = producer;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _capacity = options.Capacity;
        _enqueueTimeout = options.EnqueueTimeout;
        _flushTimeout = options.FlushTimeout;
        _room = new SemaphoreSlim(_capacity, _capacity);
        _registration = metrics.Register(this);
    }

    public string Topic { get; }

    /// <summary>Raised on the producer's thread for every message that could not be delivered.</summary>
    public event EventHandler<OutboxDeliveryFailure>? DeliveryFailed;

    public OutboxStatus Status => new(Topic, _pending.Count, Volatile.Read(ref _delivered), Volatile.Read(ref _failed));

    public ValueTask EnqueueAsync(string key, T message, CancellationToken cancellationToken = default) =>
        QueueAsync(key, message, delivered: null, cancellationToken);

    public async Task DeliverAsync(string key, T message, CancellationToken cancellationToken = default)
    {
        // Completed by the delivery report, on the producer's thread: continuations must not run there.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await QueueAsync(key, message, delivered, cancellationToken).ConfigureAwait(false);
        await delivered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask QueueAsync(string key, T message, TaskCompletionSource? delivered, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var value = JsonSerializer.SerializeToUtf8Bytes(message, _typeInfo);

        if (!_room.Wait(0) && !await _room.WaitAsync(_enqueueTimeout, cancellationToken).ConfigureAwait(false))
            throw new KafkaOutboxFullException(Topic, _capacity, _enqueueTimeout);

        var id = Interlocked.Increment(ref _nextId);
        _pending[id] = new PendingMessage(key, value, delivered);
        try
        {
            _producer.Produce(
                Topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = value }, report => OnReport(id, report.Error));
        }
        catch
        {
            // Refused before queueing: the caller sees the exception, so it is not reported as a delivery failure.
            _pending.TryRemove(id, out _);
            _room.Release();
            throw;
        }
    }

    /// <summary>Waits up to <c>Kafka:Outbox:FlushTimeout</c> for queued messages; any still pending are reported as failed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        SpinWait.SpinUntil(() => _pending.IsEmpty, _flushTimeout);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var message))
                Fail(message, $"still undelivered when the outbox stopped (waited {_flushTimeout})");
        }

        _registration.Dispose();
    }

    private void OnReport(long id, Error error)
    {
        if (!_pending.TryRemove(id, out var message))
            return; // already reported as undelivered at shutdown
        _room.Release();
        if (!error.IsError)
        {
            Interlocked.Increment(ref _delivered);
            _metrics.RecordDelivered(Topic);
            message.Delivered?.TrySetResult();
            return;
        }

        Fail(message, $"{error.Code}: {error.Reason}");
    }

    private void Fail(PendingMessage message, string error)
    {
        Interlocked.Increment(ref _failed);
        _metrics.RecordFailed(Topic);
        _logger.LogError("Kafka outbox {Topic}: message for key {Key} not delivered: {Error}", Topic, message.Key, error);
        message.Delivered?.TrySetException(new KafkaDeliveryException(Topic, message.Key, error));
        try
        {
            DeliveryFailed?.Invoke(this, new OutboxDeliveryFailure(Topic, message.Key, message.Value, error, _time.GetUtcNow()));
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Kafka outbox {Topic}: a DeliveryFailed handler threw", Topic);
        }
    }

    /// <summary>One queued message; <paramref name="Delivered"/> is set when a caller waits for the brokers' acknowledgement.</summary>
    private sealed record PendingMessage(string Key, byte[] Value, TaskCompletionSource? Delivered);
}
