namespace SupplyGrid.Postgres.History;

/// <summary>
/// The state of one history table's buffer since the silo started. Written counts rows the table gained; Duplicates,
/// rows already present (replays); Dropped, rows a full buffer refused (droppable tables only); Rejected, rows the
/// database refused as invalid (logged with their content). Times are UTC.
/// </summary>
public sealed record HistoryTableStatus(
    string Table,
    HistoryOverflow Overflow,
    int Capacity,
    int Pending,
    long Enqueued,
    long Written,
    long Duplicates,
    long Dropped,
    long Rejected,
    DateTimeOffset? LastFlushAt,
    string? LastError);
