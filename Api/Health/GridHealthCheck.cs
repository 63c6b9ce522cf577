using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Grains;
using Orleans;

namespace SupplyGrid.Api.Health;

/// <summary>
/// The grid answers: a query to the first city's grain goes through Orleans like any request and must answer within
/// <see cref="ApiHealthOptions.GridTimeout"/>. Degraded when records on their way to the grains pile up: the sum of
/// every <see cref="IPendingRecords"/> registered.
/// </summary>
internal sealed class GridHealthCheck(IGrainFactory grains, CityCatalog cities, IEnumerable<IPendingRecords> pendingRecords, IOptions<ApiHealthOptions> options)
    : IHealthCheck
{
    public const string Name = "grid";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var pending = pendingRecords.Sum(source => source.PendingRecords);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await grains.GetGrain<ICityGrain>(cities.DefaultCityId).GetInfo().WaitAsync(settings.GridTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"City grain {cities.DefaultCityId} did not answer: {ex.GetType().Name}.", data: Data(pending, started));
        }

        var data = Data(pending, started);
        return pending > settings.DegradedPendingMessages
            ? HealthCheckResult.Degraded($"{pending} records on their way to the grains are unfinished.", data: data)
            : HealthCheckResult.Healthy($"City grain {cities.DefaultCityId} answered.", data);
    }

    private static Dictionary<string, object> Data(long pending, long started) => new()
    {
        ["pending_messages"] = pending,
        ["answer_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
    };
}
