using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>
/// Hands records to the stream layer without a broker: the same key checks, decoding, validation, dead letters,
/// in-flight bound and delivery as <see cref="KafkaStreamPump"/>, for callers that already hold the bytes (the
/// ingest benchmark, tools that replay captured events). Each topic is one ordered stream whose offsets count from 0.
/// </summary>
/// <remarks>Calls are serialized; <see cref="Ingest"/> blocks while <c>Kafka:MaxInFlight</c> records are unfinished.</remarks>
public sealed class DirectStreamIngress : IStreamProgressSource, IDisposable
{
    private readonly Dictionary<string, PartitionTracker> _trackers = new(StringComparer.Ordinal);
    private readonly StreamRecordPipeline _pipeline;
    private readonly KafkaOptions _options;
    private readonly IDisposable _registration;
    private readonly Lock _gate = new();

    public DirectStreamIngress(
        IEnumerable<TopicBinding> bindings, IRecordDispatcher dispatcher, IDeadLetterSink deadLetters, KafkaStreamMetrics metrics,
        IOptions<KafkaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        foreach (var binding in bindings)
        {
            if (!_trackers.TryAdd(binding.Topic, new PartitionTracker(binding, metrics.CountersFor(binding.Topic), 0, _options.MaxUncommittedPerPartition)))
                throw new ArgumentException($"topic '{binding.Topic}' is bound more than once: one event type per topic", nameof(bindings));
        }

        _pipeline = new StreamRecordPipeline(dispatcher, deadLetters, metrics, _options.GroupId);
        _registration = metrics.Register(this);
    }

    public long InFlight => _pipeline.InFlight;

    IReadOnlyList<PartitionProgress> IStreamProgressSource.Partitions => [];

    /// <summary>Hands one record of <paramref name="topic"/> to the dispatcher (or to the dead-letter sink).</summary>
    /// <param name="value">Must stay unchanged until the record is finished (it is dead-lettered as is if its handler fails).</param>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is not bound.</exception>
    public void Ingest(string topic, ReadOnlySpan<byte> key, ReadOnlyMemory<byte> value)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!_trackers.TryGetValue(topic, out var tracker))
            throw new ArgumentException($"topic '{topic}' is not bound to an event type", nameof(topic));
        var recordKey = RecordKey.Decode(key, isNull: false, _options.MaxKeyBytes);
        lock (_gate)
        {
            while (_pipeline.InFlight >= _options.MaxInFlight)
                _pipeline.WaitUntilInFlightAtMost(_options.EffectiveResumeInFlight, _options.PollTimeout);
            var offset = Math.Max(0, tracker.NextOffset);
            while (!_pipeline.TryProcess(tracker, offset, recordKey, value))
                _pipeline.WaitForAnyFinish(_options.PollTimeout);
        }
    }

    /// <summary>Waits until every ingested record has finished.</summary>
    /// <returns>False when some were still unfinished after <paramref name="timeout"/>.</returns>
    public bool WaitForIdle(TimeSpan timeout)
    {
        lock (_gate)
            return _pipeline.WaitUntilInFlightAtMost(0, timeout);
    }

    public void Dispose() => _registration.Dispose();
}
