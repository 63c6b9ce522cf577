using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SupplyGrid.Postgres.Health;

/// <summary>
/// Health check for <c>/health/detailed</c>: one round trip to the database (no retries, bounded by
/// <see cref="ProbeTimeout"/>) plus the running <see cref="PostgresStatus"/>. Unhealthy when the database does not
/// answer; degraded when a history table is failing to write or its buffer is nearly full.
/// </summary>
public sealed class PostgresHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Exception? failure = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                await using var probe = database.DataSource.CreateCommand("SELECT 1");
                await probe.ExecuteScalarAsync(timeout.Token);
                database.Health.RecordSuccess();
            }
            catch (Exception error) when (error is NpgsqlException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                database.Health.RecordFailure("health probe", error);
                failure = error;
            }
        }

        var status = database.Health.GetStatus();
        var data = Describe(status);
        if (failure is not null)
            return HealthCheckResult.Unhealthy($"PostgreSQL at {status.Endpoint} does not answer: {failure.Message}", failure, data);
        var troubled = status.HistoryTables.Where(t => t.LastError is not null || t.Pending >= t.Capacity * 9 / 10).Select(t => t.Table).ToArray();
        return troubled.Length > 0
            ? HealthCheckResult.Degraded($"History tables behind or failing: {string.Join(", ", troubled)}", null, data)
            : HealthCheckResult.Healthy($"PostgreSQL at {status.Endpoint} answers", data);
    }

    private static Dictionary<string, object> Describe(PostgresStatus status)
    {
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = status.Endpoint,
            ["healthy"] = status.Healthy,
        };
        if (status.LastSuccessAt is { } success)
            data["last_success_at"] = success.ToString("O", CultureInfo.InvariantCulture);
        if (status.LastFailureAt is { } failure)
            data["last_failure_at"] = failure.ToString("O", CultureInfo.InvariantCulture);
        if (status.LastError is { } error)
            data["last_error"] = error;
        if (status.SchemaVersion is { } version)
            data["schema_version"] = version;
        foreach (var table in status.HistoryTables)
            data[$"history.{table.Table}"] = table;
        return data;
    }
}
