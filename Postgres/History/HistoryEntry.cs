namespace SupplyGrid.Postgres.History;

/// <summary>A buffered row and, when its writer waits for the commit, what to complete then.</summary>
internal readonly record struct HistoryEntry<TRow>(TRow Row, TaskCompletionSource? Committed);
