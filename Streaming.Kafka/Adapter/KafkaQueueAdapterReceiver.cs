using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Reads one Kafka partition for its pulling agent: decodes records into <see cref="KafkaBatchContainer"/>s, and
/// commits the group's offset only past records the stream cache has let go of (Orleans' SimpleQueueCache drops a
/// record once every cursor has moved past it), so a silo that dies re-reads what it had not finished: at-least-once.
/// The agent calls one method at a time.
/// </summary>
internal sealed class KafkaQueueAdapterReceiver : IQueueAdapterReceiver
{
    private static readonly IList<IBatchContainer> Nothing = Array.Empty<IBatchContainer>();
    private static readonly IReadOnlyList<IHeader> NoHeaders = Array.Empty<IHeader>();

    private readonly KafkaStreamOptions _options;
    private readonly TopicPartition _partition;
    private readonly byte[] _streamNamespace;
    private readonly IKafkaRecordDecoder _decoder;
    private readonly KafkaStreamStatistics _statistics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PartitionCommitTracker _tracker = new();
    private IConsumer<byte[], byte[]>? _consumer;
    private long _committed = -1;
    private DateTimeOffset? _lastCommitAttempt;

    public KafkaQueueAdapterReceiver(
        KafkaStreamOptions options, TopicPartition partition, string streamNamespace, KafkaStreamStatistics statistics, ILogger logger, TimeProvider time)
    {
        _options = options;
        _partition = partition;
        _streamNamespace = System.Text.Encoding.UTF8.GetBytes(streamNamespace);
        _decoder = options.Decoder ?? throw new ArgumentException($"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Decoder)} is required.", nameof(options));
        _statistics = statistics;
        _logger = logger;
        _time = time;
    }

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Assigning is local (librdkafka fetches the committed offset in the background), so there is nothing to await.
        _consumer ??= PartitionConsumer.Open(_options, _partition, _logger);
        Log.ReceiverStarted(_logger, _partition, _options.ConsumerGroupId);
        return Task.CompletedTask;
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (_consumer is not { } consumer)
            return Nothing;

        // Once the cache is empty the agent stops calling MessagesDeliveredAsync, so progress from the last purge (or from
        // skipped records) would wait for traffic that may never come: every read flushes it.
        await CommitAsync(consumer, force: false);

        // maxCount is what the cache can take now (-1 when there is no cache).
        var limit = maxCount > 0 ? Math.Min(maxCount, _options.PollBatchSize) : _options.PollBatchSize;
        List<IBatchContainer>? batch = null;
        for (var read = 0; read < limit; read++)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                // A zero timeout only takes what librdkafka has prefetched: the agent's thread never waits on the network,
                // and an empty read returns so the agent comes back on its next tick.
                result = consumer.Consume(TimeSpan.Zero);
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                Log.ReadFailed(_logger, e, _partition);
                break;
            }

            if (result is null)
                break;
            var container = ToContainer(result);
            _tracker.OnRead(result.Offset.Value, cached: container is not null);
            if (container is not null)
                (batch ??= new List<IBatchContainer>(limit)).Add(container);
        }

        if (batch is null)
            return Nothing;
        _statistics.OnCached(batch.Count);
        return batch;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    /// <summary>The cache purged <paramref name="messages"/>: every subscriber has had them (or given up on them).</summary>
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var highest = -1L;
        foreach (var message in messages)
        {
            if (message is KafkaBatchContainer record && record.Offset > highest)
                highest = record.Offset;
        }

        if (highest >= 0)
            _tracker.OnPurged(highest);
        return _consumer is { } consumer ? CommitAsync(consumer, force: false) : Task.CompletedTask;
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _consumer, null) is not { } consumer)
            return;
        try
        {
            // Records still in the cache stay uncommitted: whichever silo takes the partition next reads them again.
            await CommitAsync(consumer, force: true);
        }
        finally
        {
            // The consumer never joined the group, so closing only releases librdkafka's threads and sockets.
            var close = Task.Run(() =>
            {
                try
                {
                    consumer.Close();
                }
                finally
                {
                    consumer.Dispose();
                }
            });
            try
            {
                await close.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // It finishes in the background; the partition is no longer this receiver's either way.
            }

            Log.ReceiverStopped(_logger, _partition, _committed);
        }
    }

    private KafkaBatchContainer? ToContainer(ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        if (message.Key is not { Length: > 0 } key)
        {
            OnUndecodableRecord(result, "the record has no key, so it belongs to no stream");
            return null;
        }

        KafkaDecodeResult decoded;
        try
        {
            decoded = _decoder.Decode(new KafkaRecord(
                result.Topic, result.Partition.Value, result.Offset.Value, key, message.Value,
                message.Headers?.BackingList ?? NoHeaders, message.Timestamp));
        }
        catch (Exception e)
        {
            // A decoder that throws on one record must not stall the partition behind it.
            decoded = KafkaDecodeResult.Failure($"the decoder threw {e.GetType().Name}: {e.Message}");
        }

        if (!decoded.IsSuccess)
        {
            OnUndecodableRecord(result, decoded.FailureReason ?? "the decoder returned no event");
            return null;
        }

        return new KafkaBatchContainer(StreamId.Create(_streamNamespace, key), decoded.Event!, result.Topic, result.Partition.Value, result.Offset.Value);
    }

    /// <summary>
    /// Dead-letter hook. This slice logs, counts and skips the record, and the commit passes it as soon as everything
    /// before it is done. Writing it to a dead-letter topic belongs here, and the record's offset must then not be
    /// committed before that write is acknowledged (read it as cached until then).
    /// </summary>
    private void OnUndecodableRecord(ConsumeResult<byte[], byte[]> result, string reason)
    {
        _statistics.OnUndecodable();
        Log.UndecodableRecord(_logger, _partition, result.Offset.Value, reason);
    }

    private async Task CommitAsync(IConsumer<byte[], byte[]> consumer, bool force)
    {
        if (!_tracker.TryGetCommitPosition(out var position) || position <= _committed)
            return;
        var now = _time.GetUtcNow();
        if (!force && now - _lastCommitAttempt < _options.CommitInterval)
            return;

        _lastCommitAttempt = now;
        try
        {
            // Commit waits for the broker: off the silo's scheduler, whose threads every grain shares.
            await Task.Run(() => consumer.Commit([new TopicPartitionOffset(_partition, position)]));
            _committed = position;
            _statistics.OnCommitted();
            Log.Committed(_logger, _partition, position);
        }
        catch (KafkaException e)
        {
            _statistics.OnCommitFailed();
            Log.CommitFailed(_logger, e, _partition, position);
        }
    }
}
