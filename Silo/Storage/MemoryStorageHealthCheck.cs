using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupplyGrid.Silo.Storage;

/// <summary>The storage component of /health/detailed when no database is configured: healthy, and saying what that means.</summary>
internal sealed class MemoryStorageHealthCheck : IHealthCheck
{
    private static readonly IReadOnlyDictionary<string, object> Data = new Dictionary<string, object> { ["provider"] = "memory" };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(
            $"Memory storage: grain state, reminders and history last as long as this process (set {GridStorage.ConnectionStringKey} for PostgreSQL).",
            Data));
}
