using System.Globalization;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Postgres.Health;

/// <summary>
/// The running record of PostgreSQL's health in this silo: every database call reports its outcome here, and the
/// history tables report their buffers. Cheap to update from hot paths (a timestamp store per success).
/// </summary>
public sealed class PostgresHealth(string endpoint)
{
    private readonly Lock _lock = new();
    private readonly List<Func<HistoryTableStatus>> _historyTables = [];
    private long _lastSuccessTicks;
    private long _lastFailureTicks;
    private string? _lastError;
    private int _schemaVersion = -1;

    public string Endpoint { get; } = endpoint;

    public PostgresStatus GetStatus()
    {
        var success = Read(ref _lastSuccessTicks);
        var failure = Read(ref _lastFailureTicks);
        Func<HistoryTableStatus>[] tables;
        string? lastError;
        lock (_lock)
        {
            tables = [.. _historyTables];
            lastError = _lastError;
        }

        var schema = Volatile.Read(ref _schemaVersion);
        return new PostgresStatus(
            Endpoint,
            Healthy: failure is null || (success is not null && success > failure),
            success,
            failure,
            lastError,
            schema < 0 ? null : schema,
            tables.Select(t => t()).ToArray());
    }

    internal void RecordSuccess() => Volatile.Write(ref _lastSuccessTicks, DateTime.UtcNow.Ticks);

    internal void RecordFailure(string operation, Exception error)
    {
        var now = DateTime.UtcNow;
        lock (_lock)
            _lastError = $"{now.ToString("O", CultureInfo.InvariantCulture)} {operation}: {error.GetType().Name}: {error.Message}";
        Volatile.Write(ref _lastFailureTicks, now.Ticks);
    }

    internal void RecordSchemaVersion(int version) => Volatile.Write(ref _schemaVersion, version);

    internal void AttachHistoryTable(Func<HistoryTableStatus> status)
    {
        lock (_lock)
            _historyTables.Add(status);
    }

    private static DateTimeOffset? Read(ref long ticks)
    {
        var value = Volatile.Read(ref ticks);
        return value == 0 ? null : new DateTimeOffset(value, TimeSpan.Zero);
    }
}
