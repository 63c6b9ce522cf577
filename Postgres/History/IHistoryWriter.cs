namespace SupplyGrid.Postgres.History;

/// <summary>
/// Writes rows of one history table off the caller's hot path: rows go to a bounded buffer and are written in
/// batches by a background loop. Rows with a key already in the table are ignored, so replays are harmless.
/// </summary>
public interface IHistoryWriter<in TRow>
{
    /// <summary>
    /// Validates the row and buffers it for the next batch. When the buffer is full, a table whose overflow is
    /// <see cref="HistoryOverflow.Drop"/> drops the row, counts it and returns false; otherwise the call waits for space.
    /// </summary>
    ValueTask<bool> EnqueueAsync(TRow row, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and buffers the row (waiting for space whatever the overflow policy) and completes when the batch
    /// holding it has committed; fails if the database rejects the row. For rows a caller must know are durable.
    /// </summary>
    Task WriteCommittedAsync(TRow row, CancellationToken cancellationToken = default);
}
