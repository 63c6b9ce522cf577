using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Reads one Kafka partition for its pulling agent: decodes records into <see cref="KafkaBatchContainer"/>s, sends the
/// records it cannot deliver to the dead-letter topic, and commits the group's offset only past records that are
/// finished: let go of by the stream cache (<see cref="KafkaQueueCache"/> drops a record once every cursor of its
/// stream has moved past it), or dead-lettered with the broker's acknowledgement. A silo that dies re-reads what it had not finished:
/// at-least-once. The agent calls one method at a time.
/// </summary>
internal sealed class KafkaQueueAdapterReceiver : IQueueAdapterReceiver, IPartitionLagSource
{
    private static readonly IList<IBatchContainer> Nothing = Array.Empty<IBatchContainer>();
    private static readonly IReadOnlyList<IHeader> NoHeaders = Array.Empty<IHeader>();
    // How long re-reading an undeliverable record may take; the broker has it, so this only covers a slow connection.
    private static readonly TimeSpan RereadTimeout = TimeSpan.FromSeconds(30);

    private readonly KafkaStreamOptions _options;
    private readonly TopicPartition _partition;
    private readonly byte[] _streamNamespace;
    private readonly IKafkaRecordDecoder _decoder;
    private readonly IKafkaDeadLetterSink _deadLetters;
    private readonly KafkaStreamStatistics _statistics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PartitionCommitTracker _tracker = new();
    // Dead-letter outcomes arrive on the producer's threads; the tracker takes them on the agent's next call.
    private readonly ConcurrentQueue<(long Offset, bool Written)> _deadLetterOutcomes = new();
    // The hand-overs of those outcomes not yet taken (each completes once its outcome is queued); awaited at shutdown.
    private readonly List<Task> _deadLettersInFlight = [];
    private IConsumer<byte[], byte[]>? _consumer;
    private long _committed = -1;
    private DateTimeOffset? _lastCommitAttempt;
    // The offset after the last record read, or where the consumer found the end of the partition (-1: not known yet).
    private long _position = -1;
    private long _lag = -1;

    public KafkaQueueAdapterReceiver(
        KafkaStreamOptions options,
        TopicPartition partition,
        string streamNamespace,
        IKafkaDeadLetterSink deadLetters,
        KafkaStreamStatistics statistics,
        ILogger logger,
        TimeProvider time)
    {
        _options = options;
        _partition = partition;
        _streamNamespace = System.Text.Encoding.UTF8.GetBytes(streamNamespace);
        _decoder = options.Decoder ?? throw new ArgumentException($"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Decoder)} is required.", nameof(options));
        _deadLetters = deadLetters;
        _statistics = statistics;
        _logger = logger;
        _time = time;
    }

    public TopicPartition Partition => _partition;

    public long Lag => Volatile.Read(ref _lag);

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Assigning is local (librdkafka fetches the committed offset in the background), so there is nothing to await.
        _consumer ??= PartitionConsumer.Open(_options, _partition, _logger);
        _statistics.Track(this);
        Log.ReceiverStarted(_logger, _partition, _options.ConsumerGroupId);
        return Task.CompletedTask;
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (_consumer is not { } consumer)
            return Nothing;

        // Once the cache is empty the agent stops calling MessagesDeliveredAsync, so progress from the last purge (or from
        // acknowledged dead letters) would wait for traffic that may never come: every read flushes it.
        TakeDeadLetterOutcomes();
        await CommitAsync(consumer, force: false);

        // maxCount is what the cache can take now (-1 when there is no cache).
        var limit = maxCount > 0 ? Math.Min(maxCount, _options.PollBatchSize) : _options.PollBatchSize;
        List<IBatchContainer>? batch = null;
        var records = 0;
        while (records < limit)
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
            if (result.IsPartitionEOF)
            {
                // Caught up: the end's offset is the position even when nothing was read since the receiver started.
                _position = Math.Max(_position, result.Offset.Value);
                break;
            }

            records++;
            if (ToContainer(result) is { } container)
            {
                _tracker.OnCached(container.Offset);
                (batch ??= new List<IBatchContainer>(limit)).Add(container);
            }
        }

        if (records > 0)
        {
            _statistics.OnRead(_partition.Topic, records);
            _position = Math.Max(_position, _tracker.NextOffset);
        }

        UpdateLag(consumer);
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
            _statistics.OnLeftCache(_tracker.OnPurged(highest));
        TakeDeadLetterOutcomes();
        if (_consumer is not { } consumer)
            return Task.CompletedTask;
        // The agent does not read while the cache is full, but it still purges: the lag stays fresh.
        UpdateLag(consumer);
        return CommitAsync(consumer, force: false);
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _consumer, null) is not { } consumer)
            return;
        // One timeout for the whole shutdown: waiting for dead letters, then closing the consumer.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Dead letters still in flight get their chance to be acknowledged, so that the commit can pass them.
            if (_deadLettersInFlight.Count > 0)
            {
                try
                {
                    await Task.WhenAll(_deadLettersInFlight).WaitAsync(timeout, cancellationToken);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                {
                    // Those not acknowledged yet stay uncommitted: whichever silo takes the partition next reads them again.
                }
            }

            TakeDeadLetterOutcomes();
            if (_tracker.PendingDeadLetterCount > 0)
                Log.DeadLettersUnacknowledgedAtShutdown(_logger, _partition, _tracker.PendingDeadLetterCount);
            // Records still in the cache stay uncommitted too.
            await CommitAsync(consumer, force: true);
        }
        finally
        {
            _statistics.StopTracking(this);
            // The agent drops its cache with the receiver.
            _statistics.OnLeftCache(_tracker.CachedCount);
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
                var left = timeout - clock.Elapsed;
                await close.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
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
            DeadLetter(result, KafkaDeadLetterReasons.NoKey, "the record has no key, so it belongs to no stream", exceptionType: null);
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
            DeadLetter(result, KafkaDeadLetterReasons.DecoderThrew, $"the decoder threw {e.GetType().Name}: {e.Message}", e.GetType().FullName);
            return null;
        }

        if (decoded.IsIgnored)
        {
            _tracker.OnIgnored(result.Offset.Value);
            _statistics.OnIgnored(result.Topic);
            Log.Ignored(_logger, _partition, result.Offset.Value, decoded.IgnoredBecause!);
            return null;
        }

        if (!decoded.IsSuccess)
        {
            DeadLetter(result, decoded.FailureCategory ?? KafkaDeadLetterReasons.Rejected, decoded.FailureReason ?? "the decoder returned no event", exceptionType: null);
            return null;
        }

        var streamKey = decoded.StreamKey is { } chosen ? System.Text.Encoding.UTF8.GetBytes(chosen) : key;
        return new KafkaBatchContainer(StreamId.Create(_streamNamespace, streamKey), decoded.Event!, result.Topic, result.Partition.Value, result.Offset.Value);
    }

    /// <summary>
    /// Writes the record to the dead-letter topic; it never enters the cache. Its offset counts as unfinished until the
    /// broker acknowledges the letter, and for good if the write fails. Reading goes on meanwhile.
    /// </summary>
    private void DeadLetter(ConsumeResult<byte[], byte[]> result, string category, string reason, string? exceptionType)
    {
        _statistics.OnUndecodable();
        _tracker.OnDeadLetterStarted(result.Offset.Value);
        WriteDeadLetter(result, category, reason, exceptionType);
    }

    /// <summary>
    /// Orleans gave up delivering the cached record at <paramref name="offset"/> to a subscriber of
    /// <paramref name="streamId"/> (see <see cref="KafkaDeliveryFailureHandler"/>): the record is read again from Kafka
    /// and dead-lettered whole. The commit stays below it until the letter is acknowledged, and for good if the record
    /// cannot be read again or the letter cannot be written, so it is never skipped unrecorded. Called on the agent's
    /// turn, as the receiver's other methods are.
    /// </summary>
    public async Task DeadLetterUndeliveredAsync(long offset, StreamId streamId, string subscription)
    {
        // A stopped receiver committed below the record: whichever silo reads the partition next delivers it again.
        if (_consumer is null || !_tracker.OnDeliveryFailed(offset))
            return;
        var reason = $"a subscriber of stream {streamId} ({subscription}) failed on it for longer than the delivery time limit ({_options.DeliveryTimeLimit})";
        Log.DeliveryFailed(_logger, _partition, offset, streamId, _options.DeliveryTimeLimit);
        // Blocks on the network: not on the agent's scheduler.
        var record = await Task.Run(() => PartitionConsumer.ReadAt(_options, _partition, offset, RereadTimeout, _logger));
        if (record is null)
        {
            _tracker.OnDeadLetterFailed(offset);
            _statistics.OnDeadLetterFailed(_partition.Topic, KafkaDeadLetterReasons.DeliveryFailed);
            Log.RereadFailed(_logger, _partition, offset, RereadTimeout);
            return;
        }

        WriteDeadLetter(record, KafkaDeadLetterReasons.DeliveryFailed, reason, exceptionType: null);
    }

    private void WriteDeadLetter(ConsumeResult<byte[], byte[]> result, string category, string reason, string? exceptionType)
    {
        var offset = result.Offset.Value;
        var message = result.Message;
        Log.DeadLettering(_logger, _partition, offset, _options.DeadLetterTopic, category, reason);
        var letter = new KafkaDeadLetter(
            result.Topic, result.Partition.Value, offset, _options.ConsumerGroupId,
            message.Key, message.Value, message.Headers?.BackingList ?? NoHeaders, category, reason, exceptionType);

        Task write;
        try
        {
            write = _deadLetters.WriteAsync(letter);
        }
        catch (Exception e)
        {
            write = Task.FromException(e);
        }

        _deadLettersInFlight.Add(write.ContinueWith(
            (done, state) => OnDeadLetterDone(done, (KafkaDeadLetter)state!),
            letter, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
    }

    // On the producer's thread (or inline): counts and logs now, and leaves the tracker to the agent's next call.
    private void OnDeadLetterDone(Task write, KafkaDeadLetter letter)
    {
        if (write.IsCompletedSuccessfully)
        {
            _statistics.OnDeadLettered(letter.SourceTopic, letter.Category);
        }
        else
        {
            _statistics.OnDeadLetterFailed(letter.SourceTopic, letter.Category);
            Log.DeadLetterFailed(
                _logger, write.Exception?.GetBaseException() ?? new OperationCanceledException("The dead-letter write was canceled."),
                _partition, letter.SourceOffset, _options.DeadLetterTopic);
        }

        _deadLetterOutcomes.Enqueue((letter.SourceOffset, write.IsCompletedSuccessfully));
    }

    private void TakeDeadLetterOutcomes()
    {
        while (_deadLetterOutcomes.TryDequeue(out var outcome))
        {
            if (outcome.Written)
                _tracker.OnDeadLetterAcknowledged(outcome.Offset);
            else
                _tracker.OnDeadLetterFailed(outcome.Offset);
        }

        if (_deadLettersInFlight.Count > 0)
            _deadLettersInFlight.RemoveAll(handOver => handOver.IsCompleted);
    }

    // Both numbers are the consumer's own state (the watermark from its last fetch): no broker round trip.
    private void UpdateLag(IConsumer<byte[], byte[]> consumer)
    {
        long lag = -1;
        try
        {
            var high = consumer.GetWatermarkOffsets(_partition).High;
            if (high.Value >= 0 && _position >= 0)
                lag = Math.Max(0, high.Value - _position);
        }
        catch (KafkaException)
        {
            // Not known now; the next read tries again.
        }

        Volatile.Write(ref _lag, lag);
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
            _statistics.OnCommitted(_partition.Topic);
            Log.Committed(_logger, _partition, position);
        }
        catch (KafkaException e)
        {
            _statistics.OnCommitFailed(_partition.Topic);
            Log.CommitFailed(_logger, e, _partition, position);
        }
    }
}
