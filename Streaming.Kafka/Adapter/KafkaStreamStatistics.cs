using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// One provider's numbers on this silo, across its partitions: running counts read here, and the same numbers as
/// System.Diagnostics.Metrics instruments (see <see cref="KafkaStreamInstruments"/>). Resolve it as the keyed service
/// named after the provider: <c>services.GetRequiredKeyedService&lt;KafkaStreamStatistics&gt;(name)</c>.
/// </summary>
public sealed class KafkaStreamStatistics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly KeyValuePair<string, object?> _provider;
    private readonly Counter<long> _read;
    private readonly Counter<long> _ignored;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _deadLetterFailures;
    private readonly Counter<long> _commits;
    private readonly Counter<long> _commitFailures;
    private readonly ConcurrentDictionary<IPartitionLagSource, byte> _lagSources = new();

    private long _recordsRead;
    private long _recordsCached;
    private long _recordsInCache;
    private long _recordsUndecodable;
    private long _recordsDeadLettered;
    private long _recordsIgnored;
    private long _deadLetterFailureCount;
    private long _commitCount;
    private long _commitFailureCount;

    /// <summary>The statistics of the provider named <paramref name="providerName"/>.</summary>
    /// <param name="providerName">The provider name: the <c>provider</c> tag of the meter and of every measurement.</param>
    /// <param name="meterFactory">Creates the meter (the host's, so its listeners see it); without one the meter is this object's own.</param>
    public KafkaStreamStatistics(string providerName, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ProviderName = providerName;
        _provider = new KeyValuePair<string, object?>(KafkaStreamInstruments.ProviderTag, providerName);
        // A meter per provider (told apart by its tag), so two providers never register the same observable instrument twice.
        var meterOptions = new MeterOptions(KafkaStreamInstruments.MeterName) { Tags = [_provider] };
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(meterOptions) ?? new Meter(meterOptions);

        _read = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsRead, "{record}", "Records read from Kafka, by topic (delivered and dead-lettered alike).");
        _ignored = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsIgnored, "{record}", "Valid records the decoder sent to no stream, by topic.");
        _deadLettered = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsDeadLettered, "{record}", "Records the broker acknowledged on the dead-letter topic, by source topic and reason.");
        _deadLetterFailures = _meter.CreateCounter<long>(KafkaStreamInstruments.DeadLetterFailures, "{record}", "Dead letters that could not be written (their records stay uncommitted), by source topic and reason.");
        _commits = _meter.CreateCounter<long>(KafkaStreamInstruments.Commits, "{commit}", "Offset commits the broker accepted, by topic.");
        _commitFailures = _meter.CreateCounter<long>(KafkaStreamInstruments.CommitFailures, "{commit}", "Offset commits that failed (retried at the next read), by topic.");
        _meter.CreateObservableUpDownCounter(KafkaStreamInstruments.RecordsInCache, () => new Measurement<long>(RecordsInCache, _provider), "{record}", "Records the provider's stream caches hold on this silo.");
        _meter.CreateObservableGauge(KafkaStreamInstruments.ConsumerLag, ObserveLag, "{record}", "Records between a partition's high watermark and the receiver's position, by topic and partition.");
    }

    /// <summary>The provider these numbers are of.</summary>
    public string ProviderName { get; }

    /// <summary>Records read from Kafka (delivered and dead-lettered alike).</summary>
    public long RecordsRead => Interlocked.Read(ref _recordsRead);

    /// <summary>Records decoded and handed to the stream cache.</summary>
    public long RecordsCached => Interlocked.Read(ref _recordsCached);

    /// <summary>Records the stream caches hold now (handed to them and not yet purged).</summary>
    public long RecordsInCache => Interlocked.Read(ref _recordsInCache);

    /// <summary>Records that had no key or that the decoder refused or threw on: each goes to the dead-letter topic.</summary>
    public long RecordsUndecodable => Interlocked.Read(ref _recordsUndecodable);

    /// <summary>Dead letters the broker acknowledged.</summary>
    public long RecordsDeadLettered => Interlocked.Read(ref _recordsDeadLettered);

    /// <summary>Valid records the decoder sent to no stream.</summary>
    public long RecordsIgnored => Interlocked.Read(ref _recordsIgnored);

    /// <summary>Dead letters that could not be written; their partitions commit no further until a receiver restarts.</summary>
    public long DeadLetterFailures => Interlocked.Read(ref _deadLetterFailureCount);

    /// <summary>Offset commits the broker accepted.</summary>
    public long Commits => Interlocked.Read(ref _commitCount);

    /// <summary>Offset commits that failed (retried at the next read).</summary>
    public long CommitFailures => Interlocked.Read(ref _commitFailureCount);

    /// <summary>Releases the meter when it is this object's own (one from an <see cref="IMeterFactory"/> is the factory's).</summary>
    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }

    internal void OnRead(string topic, int count)
    {
        Interlocked.Add(ref _recordsRead, count);
        _read.Add(count, _provider, Topic(topic));
    }

    internal void OnCached(int count)
    {
        Interlocked.Add(ref _recordsCached, count);
        Interlocked.Add(ref _recordsInCache, count);
    }

    /// <summary>Records left the cache: purged, or dropped with it when the receiver stopped.</summary>
    internal void OnLeftCache(int count) => Interlocked.Add(ref _recordsInCache, -count);

    internal void OnIgnored(string topic)
    {
        Interlocked.Increment(ref _recordsIgnored);
        _ignored.Add(1, _provider, Topic(topic));
    }

    internal void OnUndecodable() => Interlocked.Increment(ref _recordsUndecodable);

    internal void OnDeadLettered(string topic, string category)
    {
        Interlocked.Increment(ref _recordsDeadLettered);
        _deadLettered.Add(1, _provider, Topic(topic), Reason(category));
    }

    internal void OnDeadLetterFailed(string topic, string category)
    {
        Interlocked.Increment(ref _deadLetterFailureCount);
        _deadLetterFailures.Add(1, _provider, Topic(topic), Reason(category));
    }

    internal void OnCommitted(string topic)
    {
        Interlocked.Increment(ref _commitCount);
        _commits.Add(1, _provider, Topic(topic));
    }

    internal void OnCommitFailed(string topic)
    {
        Interlocked.Increment(ref _commitFailureCount);
        _commitFailures.Add(1, _provider, Topic(topic));
    }

    /// <summary>Reports <paramref name="source"/>'s lag until <see cref="StopTracking"/>.</summary>
    internal void Track(IPartitionLagSource source) => _lagSources.TryAdd(source, 0);

    internal void StopTracking(IPartitionLagSource source) => _lagSources.TryRemove(source, out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var source in _lagSources.Keys)
        {
            var lag = source.Lag;
            if (lag >= 0)
            {
                yield return new Measurement<long>(lag, _provider, Topic(source.Partition.Topic),
                    new KeyValuePair<string, object?>(KafkaStreamInstruments.PartitionTag, source.Partition.Partition.Value));
            }
        }
    }

    private static KeyValuePair<string, object?> Topic(string topic) => new(KafkaStreamInstruments.TopicTag, topic);

    private static KeyValuePair<string, object?> Reason(string category) => new(KafkaStreamInstruments.ReasonTag, category);
}

/// <summary>A partition whose lag the provider reports: its receiver.</summary>
internal interface IPartitionLagSource
{
    Confluent.Kafka.TopicPartition Partition { get; }

    /// <summary>High watermark minus position as last measured; -1 while not known.</summary>
    long Lag { get; }
}
