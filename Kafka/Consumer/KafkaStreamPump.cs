using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>
/// One consumer-group member that feeds Kafka records to their handlers: consumes every bound topic the
/// <see cref="IRecordDispatcher"/> subscribes to, hands records to it back-to-back (the dispatcher keeps per-key
/// order: in the grid, the host's <see cref="OrderedRecordDispatcher"/>), and commits each partition only up to its
/// lowest unfinished record (at-least-once).
/// </summary>
/// <remarks>
/// Backpressure: at <c>Kafka:MaxInFlight</c> unfinished records every owned partition is paused, and resumed at
/// <c>Kafka:ResumeInFlight</c>; a partition whose uncommitted window is full is paused alone. On revocation and on
/// stop, in-flight records get <c>Kafka:DrainTimeout</c> to finish, finished offsets are committed, the rest is left
/// uncommitted for the next owner. All consumer calls happen on the pump's own thread.
/// </remarks>
public sealed class KafkaStreamPump : BackgroundService, IStreamProgressSource
{
    /// <summary>How long a consume call waits while a partition is blocked, so it is retried promptly.</summary>
    private static readonly TimeSpan BlockedPollTimeout = TimeSpan.FromMilliseconds(5);

    private static readonly TimeSpan WakeTimeout = TimeSpan.FromMilliseconds(500);

    private readonly KafkaClusterConnection _connection;
    private readonly IReadOnlyList<TopicBinding> _bindings;
    private readonly IRecordDispatcher _dispatcher;
    private readonly KafkaStreamMetrics _metrics;
    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly StreamRecordPipeline _pipeline;

    // Pump-thread state.
    private readonly Dictionary<string, AssignedPartition?[]> _owned = new(StringComparer.Ordinal);
    private readonly List<AssignedPartition> _blocked = [];
    private readonly List<AssignedPartition> _assignedWhileBackpressured = [];
    private IConsumer<RecordKey, byte[]?>? _consumer;
    private bool _backpressured;

    private volatile IReadOnlyList<PartitionProgress> _published = [];

    public KafkaStreamPump(
        KafkaClusterConnection connection,
        IEnumerable<TopicBinding> bindings,
        IRecordDispatcher dispatcher,
        IDeadLetterSink deadLetters,
        KafkaStreamMetrics metrics,
        IOptions<KafkaOptions> options,
        ILogger<KafkaStreamPump> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _bindings = [.. bindings];
        var duplicate = _bindings.GroupBy(b => b.Topic, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"topic '{duplicate.Key}' is bound more than once: one event type per topic", nameof(bindings));
        _dispatcher = dispatcher;
        _metrics = metrics;
        _options = options.Value;
        _logger = logger;
        _pipeline = new StreamRecordPipeline(dispatcher, deadLetters, metrics, _options.GroupId);
    }

    public long InFlight => _pipeline.InFlight;

    /// <summary>Progress of the owned partitions as of the last commit tick.</summary>
    public IReadOnlyList<PartitionProgress> Partitions => _published;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stop)
    {
        var topics = SubscribedTopics();
        if (topics.Count == 0)
            return;

        using var registration = _metrics.Register(this);
        try
        {
            using var consumer = BuildConsumer();
            _consumer = consumer;
            consumer.Subscribe(topics);
            _logger.LogInformation("Kafka pump of group {GroupId} subscribed to {Topics}", _options.GroupId, string.Join(", ", topics));
            Pump(stop);
            Release([.. AllOwned()], drain: true);
            consumer.Close();
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "Kafka pump of group {GroupId} stopped on an error", _options.GroupId);
            throw;
        }
        finally
        {
            _consumer = null;
            _published = [];
        }
    }

    private List<string> SubscribedTopics()
    {
        var topics = new List<string>();
        foreach (var binding in _bindings)
        {
            if (_dispatcher.IsSubscribed(binding.Topic))
                topics.Add(binding.Topic);
            else
                _logger.LogWarning("Kafka topic {Topic} is bound but the record dispatcher does not subscribe to it: not consumed", binding.Topic);
        }

        if (topics.Count == 0)
            _logger.LogWarning("Kafka pump of group {GroupId} has no subscribed topic and stays idle", _options.GroupId);
        return topics;
    }

    private IConsumer<RecordKey, byte[]?> BuildConsumer() =>
        new ConsumerBuilder<RecordKey, byte[]?>(_connection.CreateConsumerConfig())
            .SetKeyDeserializer(new RecordKeyDeserializer(_options.MaxKeyBytes))
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions))
            .SetErrorHandler((_, error) => LogClientError(error))
            .SetLogHandler((_, message) => _logger.Log(
                KafkaLogLevels.ToLogLevel(message.Level), "librdkafka consumer {Facility}: {Message}", message.Facility, message.Message))
            .Build();

    private void Pump(CancellationToken stop)
    {
        var maxInFlight = _options.MaxInFlight;
        var commitIntervalMs = Math.Max(1, (long)_options.CommitInterval.TotalMilliseconds);
        // Checked once per record: the millisecond tick is the cheapest clock and precise enough for commits.
        var nextCommit = Environment.TickCount64 + commitIntervalMs;
        while (!stop.IsCancellationRequested)
        {
            if (Environment.TickCount64 >= nextCommit)
            {
                Commit(AllOwned());
                Publish();
                nextCommit = Environment.TickCount64 + commitIntervalMs;
            }

            if (_blocked.Count > 0)
                RetryBlocked();

            if (!_backpressured && _pipeline.InFlight >= maxInFlight)
                EnterBackpressure();

            if (_backpressured)
            {
                if (_pipeline.WaitUntilInFlightAtMost(_options.EffectiveResumeInFlight, _options.PollTimeout))
                    ExitBackpressure();
                else
                    Poll(TimeSpan.Zero); // serves rebalance callbacks and heartbeats while paused
                continue;
            }

            Poll(_blocked.Count > 0 ? BlockedPollTimeout : _options.PollTimeout);
        }
    }

    private void Poll(TimeSpan timeout)
    {
        ConsumeResult<RecordKey, byte[]?>? result;
        try
        {
            result = _consumer!.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            _logger.LogWarning("Kafka consume error on {TopicPartitionOffset}: {Reason}", e.ConsumerRecord?.TopicPartitionOffset, e.Error.Reason);
            return;
        }

        if (_assignedWhileBackpressured.Count > 0)
            PauseAssignedWhileBackpressured();
        if (result is not null)
            Accept(result);
    }

    private void Accept(ConsumeResult<RecordKey, byte[]?> result)
    {
        var owned = Find(result.Topic, result.Partition.Value);
        if (owned is null)
        {
            _logger.LogWarning("Kafka pump got a record of {Topic}[{Partition}], which it does not own: skipped", result.Topic, result.Partition.Value);
            return;
        }

        var offset = result.Offset.Value;
        if (owned.StartOffset < 0)
            owned.StartOffset = offset;
        if (owned.Held.Count > 0 || _pipeline.InFlight >= _options.MaxInFlight
            || !_pipeline.TryProcess(owned.Tracker, offset, result.Message.Key, result.Message.Value))
        {
            owned.Held.Enqueue(new HeldRecord(offset, result.Message.Key, result.Message.Value));
            Block(owned);
        }
    }

    /// <summary>Pauses a partition whose record could not be admitted; it is retried every loop until it fits.</summary>
    private void Block(AssignedPartition owned)
    {
        if (!_blocked.Contains(owned))
            _blocked.Add(owned);
        Pause([owned]);
    }

    private void RetryBlocked()
    {
        for (var i = _blocked.Count - 1; i >= 0; i--)
        {
            var owned = _blocked[i];
            while (owned.Held.Count > 0 && _pipeline.InFlight < _options.MaxInFlight)
            {
                var held = owned.Held.Peek();
                if (!_pipeline.TryProcess(owned.Tracker, held.Offset, held.Key, held.Value))
                    break;
                owned.Held.Dequeue();
            }

            if (owned.Held.Count > 0)
                continue;
            _blocked.RemoveAt(i);
            if (!_backpressured)
                Resume([owned]);
        }
    }

    private void EnterBackpressure()
    {
        _backpressured = true;
        _metrics.RecordPause();
        Pause(AllOwned());
        _logger.LogDebug("Kafka pump paused: {InFlight} records in flight", _pipeline.InFlight);
    }

    private void ExitBackpressure()
    {
        _backpressured = false;
        Resume(AllOwned().Where(o => o.Held.Count == 0));
        _logger.LogDebug("Kafka pump resumed: {InFlight} records in flight", _pipeline.InFlight);
    }

    private void PauseAssignedWhileBackpressured()
    {
        if (_backpressured)
            Pause(_assignedWhileBackpressured.Where(o => !o.Tracker.IsRevoked));
        _assignedWhileBackpressured.Clear();
    }

    private void Pause(IEnumerable<AssignedPartition> partitions)
    {
        var toPause = partitions.Where(p => !p.Paused).ToList();
        if (toPause.Count == 0)
            return;
        _consumer!.Pause(toPause.Select(p => p.TopicPartition));
        toPause.ForEach(p => p.Paused = true);
    }

    private void Resume(IEnumerable<AssignedPartition> partitions)
    {
        var toResume = partitions.Where(p => p.Paused).ToList();
        if (toResume.Count == 0)
            return;
        _consumer!.Resume(toResume.Select(p => p.TopicPartition));
        toResume.ForEach(p => p.Paused = false);
        WakeFetchers(toResume);
    }

    /// <summary>
    /// librdkafka applies a resume on its main thread without waking the broker thread that fetches the partition;
    /// when every partition was paused that thread sleeps up to a second before fetching again. A watermark query
    /// goes through the same broker thread and wakes it, so resuming costs a round trip instead of that second.
    /// </summary>
    private void WakeFetchers(List<AssignedPartition> resumed)
    {
        foreach (var owned in resumed)
        {
            try
            {
                _consumer!.QueryWatermarkOffsets(owned.TopicPartition, WakeTimeout);
            }
            catch (KafkaException e)
            {
                _logger.LogDebug("Kafka pump: watermark query for {TopicPartition} after resume failed: {Reason}", owned.TopicPartition, e.Error.Reason);
            }
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var topicPartition in partitions)
        {
            var binding = _bindings.First(b => b.Topic == topicPartition.Topic);
            var tracker = new PartitionTracker(
                binding, _metrics.CountersFor(binding.Topic), topicPartition.Partition.Value, _options.MaxUncommittedPerPartition);
            var owned = new AssignedPartition(topicPartition, tracker);
            Store(owned);
            if (_backpressured)
                _assignedWhileBackpressured.Add(owned);
        }

        _logger.LogInformation("Kafka pump of group {GroupId} assigned {Partitions}", _options.GroupId, string.Join(", ", partitions));
    }

    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        var revoked = partitions.Select(p => Find(p.Topic, p.Partition.Value)).OfType<AssignedPartition>().ToList();
        Release(revoked, drain: true);
        _logger.LogInformation("Kafka pump of group {GroupId} released {Partitions}", _options.GroupId, string.Join(", ", partitions.Select(p => p.TopicPartition)));
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => Find(p.Topic, p.Partition.Value)).OfType<AssignedPartition>().ToList();
        Release(lost, drain: false);
        _logger.LogWarning("Kafka pump of group {GroupId} lost {Partitions}; their uncommitted records will be redelivered", _options.GroupId,
            string.Join(", ", partitions.Select(p => p.TopicPartition)));
    }

    /// <summary>
    /// Gives partitions up: held records are dropped (never admitted, so never committed), in-flight ones get the
    /// drain timeout to finish, finished offsets are committed; late completions then no longer count.
    /// </summary>
    private void Release(List<AssignedPartition> partitions, bool drain)
    {
        foreach (var owned in partitions)
        {
            owned.Held.Clear();
            _blocked.Remove(owned);
        }

        if (drain)
        {
            var deadline = Stopwatch.GetTimestamp() + ToTimestamp(_options.DrainTimeout);
            while (partitions.Any(p => p.Tracker.HasUnfinished) && Stopwatch.GetTimestamp() < deadline)
                _pipeline.WaitForAnyFinish(TimeSpan.FromMilliseconds(50));
            Commit(partitions);
            var abandoned = partitions.Where(p => p.Tracker.HasUnfinished).Sum(p => p.Tracker.Window);
            if (abandoned > 0)
                _logger.LogWarning(
                    "Kafka pump of group {GroupId}: {Count} records did not finish within {DrainTimeout}; left uncommitted for redelivery",
                    _options.GroupId, abandoned, _options.DrainTimeout);
        }

        foreach (var owned in partitions)
        {
            owned.Tracker.MarkRevoked();
            _owned[owned.TopicPartition.Topic][owned.TopicPartition.Partition.Value] = null;
        }

        Publish();
    }

    private void Commit(IEnumerable<AssignedPartition> partitions)
    {
        var offsets = new List<TopicPartitionOffset>();
        var trackers = new List<(PartitionTracker Tracker, long Offset)>();
        foreach (var owned in partitions)
        {
            var offset = owned.Tracker.CommittableOffset();
            if (offset < 0 || offset <= owned.Tracker.CommittedOffset)
                continue;
            offsets.Add(new TopicPartitionOffset(owned.TopicPartition, offset));
            trackers.Add((owned.Tracker, offset));
        }

        if (offsets.Count == 0)
            return;
        try
        {
            _consumer!.Commit(offsets);
            foreach (var (tracker, offset) in trackers)
                tracker.CommittedOffset = offset;
        }
        catch (KafkaException e)
        {
            // The offsets stay uncommitted and are retried at the next tick; records after them may be redelivered.
            _logger.LogWarning("Kafka pump of group {GroupId} could not commit {Offsets}: {Reason}", _options.GroupId, string.Join(", ", offsets), e.Error.Reason);
        }
    }

    private void Publish()
    {
        var consumer = _consumer;
        if (consumer is null)
            return;
        var progress = new List<PartitionProgress>();
        foreach (var owned in AllOwned())
        {
            var watermarks = consumer.GetWatermarkOffsets(owned.TopicPartition);
            long high = watermarks.High.IsSpecial ? -1 : watermarks.High.Value;
            long low = watermarks.Low.IsSpecial ? -1 : watermarks.Low.Value;
            var tracker = owned.Tracker;
            var from = tracker.CommittedOffset >= 0 ? tracker.CommittedOffset : owned.StartOffset >= 0 ? owned.StartOffset : low;
            var lag = high >= 0 && from >= 0 ? Math.Max(0, high - from) : -1;
            progress.Add(new PartitionProgress(tracker.Topic, tracker.Partition, tracker.CommittedOffset, high, lag, tracker.Window, owned.Paused));
        }

        _published = progress;
    }

    private AssignedPartition? Find(string topic, int partition) =>
        _owned.TryGetValue(topic, out var partitions) && partition < partitions.Length ? partitions[partition] : null;

    private void Store(AssignedPartition owned)
    {
        var topic = owned.TopicPartition.Topic;
        var partition = owned.TopicPartition.Partition.Value;
        if (!_owned.TryGetValue(topic, out var partitions) || partitions.Length <= partition)
        {
            var grown = new AssignedPartition?[partition + 1];
            partitions?.CopyTo(grown, 0);
            _owned[topic] = partitions = grown;
        }

        partitions[partition] = owned;
    }

    private IEnumerable<AssignedPartition> AllOwned() => _owned.Values.SelectMany(p => p).OfType<AssignedPartition>();

    private void LogClientError(Error error)
    {
        if (error.IsFatal)
            _logger.LogCritical("Kafka consumer fatal error {Code}: {Reason}", error.Code, error.Reason);
        else
            _logger.LogWarning("Kafka consumer error {Code}: {Reason}", error.Code, error.Reason);
    }

    private static long ToTimestamp(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);
}
