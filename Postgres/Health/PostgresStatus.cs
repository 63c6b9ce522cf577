using SupplyGrid.Postgres.History;

namespace SupplyGrid.Postgres.Health;

/// <summary>
/// What a health endpoint shows about PostgreSQL. <see cref="Healthy"/> is true when the most recent database call
/// succeeded. Times are UTC.
/// </summary>
/// <param name="Endpoint">host:port/database (no credentials).</param>
/// <param name="LastError">The most recent failure: its time, operation and message.</param>
/// <param name="SchemaVersion">The newest migration applied, once migrations ran in this process.</param>
public sealed record PostgresStatus(
    string Endpoint,
    bool Healthy,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError,
    int? SchemaVersion,
    IReadOnlyList<HistoryTableStatus> HistoryTables);
