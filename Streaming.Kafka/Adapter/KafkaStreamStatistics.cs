namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Running counts of one provider across its partitions on this silo. Resolve it as the keyed service named after the
/// provider: <c>services.GetRequiredKeyedService&lt;KafkaStreamStatistics&gt;(name)</c>.
/// </summary>
public sealed class KafkaStreamStatistics
{
    private long _recordsCached;
    private long _recordsUndecodable;
    private long _commits;
    private long _commitFailures;

    /// <summary>Records decoded and handed to the stream cache.</summary>
    public long RecordsCached => Interlocked.Read(ref _recordsCached);

    /// <summary>Records skipped because they had no key or the decoder refused them.</summary>
    public long RecordsUndecodable => Interlocked.Read(ref _recordsUndecodable);

    /// <summary>Offset commits the broker accepted.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Offset commits that failed (retried at the next read).</summary>
    public long CommitFailures => Interlocked.Read(ref _commitFailures);

    internal void OnCached(int count) => Interlocked.Add(ref _recordsCached, count);

    internal void OnUndecodable() => Interlocked.Increment(ref _recordsUndecodable);

    internal void OnCommitted() => Interlocked.Increment(ref _commits);

    internal void OnCommitFailed() => Interlocked.Increment(ref _commitFailures);
}
