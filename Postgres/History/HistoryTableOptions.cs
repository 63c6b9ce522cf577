namespace SupplyGrid.Postgres.History;

/// <summary>What a full buffer does with a new row.</summary>
public enum HistoryOverflow
{
    /// <summary>The writer waits for space (backpressure). Rows are never dropped.</summary>
    Wait,

    /// <summary>The row is dropped and counted in <see cref="HistoryTableStatus.Dropped"/>. Only for tables whose rows may be dropped.</summary>
    Drop,
}

/// <summary>Buffering and batching of one history table (configuration section "Postgres:History:{table}", e.g. "Postgres:History:supply_demand_metrics").</summary>
public sealed class HistoryTableOptions
{
    public const string SectionPrefix = "Postgres:History";

    /// <summary>Rows the buffer holds; beyond it <see cref="Overflow"/> applies. Bounds the memory a slow or absent database can cost.</summary>
    public int Capacity { get; set; } = 50_000;

    /// <summary>Most rows per COPY batch.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Longest a row waits in the buffer for its batch to fill before the batch is written anyway.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Null: <see cref="HistoryOverflow.Drop"/> for tables whose rows may be dropped, <see cref="HistoryOverflow.Wait"/> for the rest.</summary>
    public HistoryOverflow? Overflow { get; set; }

    internal HistoryOverflow EffectiveOverflow(HistoryTableSchema schema) =>
        Overflow ?? (schema.MayDrop ? HistoryOverflow.Drop : HistoryOverflow.Wait);

    public void Validate(HistoryTableSchema schema)
    {
        var section = $"{SectionPrefix}:{schema.Table}";
        if (Capacity < 1)
            throw new ArgumentOutOfRangeException($"{section}:{nameof(Capacity)}", Capacity, "must be at least 1.");
        if (BatchSize < 1 || BatchSize > Capacity)
            throw new ArgumentOutOfRangeException($"{section}:{nameof(BatchSize)}", BatchSize, $"must be between 1 and {section}:{nameof(Capacity)} ({Capacity}).");
        if (FlushInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException($"{section}:{nameof(FlushInterval)}", FlushInterval, "must be positive.");
        if (Overflow == HistoryOverflow.Drop && !schema.MayDrop)
            throw new ArgumentOutOfRangeException($"{section}:{nameof(Overflow)}", Overflow, $"rows of {schema.Table} must never be dropped; use Wait.");
    }
}
