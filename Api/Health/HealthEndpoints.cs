using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Security;

namespace SupplyGrid.Api.Health;

/// <summary>GET /health (liveness) and /health/ready (readiness), both anonymous, and GET /health/detailed (every registered check).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Health, () => TypedResults.Ok(new LivenessResponse("healthy")))
            .WithTags("health")
            .AllowAnonymous()
            .WithSummary("Liveness: the process answers.")
            .Produces<LivenessResponse>();

        // For load balancers and Kubernetes' readiness probe: the overall status only, no component details.
        app.MapGet(ApiRoutes.Health + "/ready", ReadyAsync)
            .WithTags("health")
            .AllowAnonymous()
            .WithSummary("Readiness: every component's checks pass (200 when healthy or degraded, 503 when unhealthy); no details.")
            .Produces<LivenessResponse>()
            .Produces<LivenessResponse>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet(ApiRoutes.Health + "/detailed", DetailedAsync)
            .WithTags("health")
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Every component's health (grid, Kafka, PostgreSQL, ...): 200 when healthy or degraded, 503 when unhealthy.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService checks, HttpContext http)
    {
        var report = await checks.CheckHealthAsync(http.RequestAborted);
        var response = new LivenessResponse(Wire(report.Status));
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, ApiJsonContext.Default.LivenessResponse, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Json(response, ApiJsonContext.Default.LivenessResponse);
    }

    private static async Task<IResult> DetailedAsync(HealthCheckService checks, HttpContext http)
    {
        var report = await checks.CheckHealthAsync(http.RequestAborted);
        var components = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthComponent(Wire(e.Value.Status), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 2), Data(e.Value.Data)),
            StringComparer.Ordinal);
        var response = new HealthResponse(Wire(report.Status), Math.Round(report.TotalDuration.TotalMilliseconds, 2), components);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, ApiJsonContext.Default.HealthResponse, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Json(response, ApiJsonContext.Default.HealthResponse);
    }

    private static string Wire(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    /// <summary>Numbers, booleans and text as JSON values; anything else as its text.</summary>
    private static Dictionary<string, JsonNode?>? Data(IReadOnlyDictionary<string, object> data)
    {
        if (data.Count == 0)
            return null;
        var nodes = new Dictionary<string, JsonNode?>(data.Count, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            nodes[key] = value switch
            {
                null => null,
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d when double.IsFinite(d) => JsonValue.Create(d),
                decimal m => JsonValue.Create(m),
                _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        return nodes;
    }
}
