using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.History;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Validation;

namespace SupplyGrid.Api.Analytics;

/// <summary>Analytical queries over the heatmap history.</summary>
internal static class AnalyticsEndpoints
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/analytics/{city}/surge-efficiency", GetSurgeEfficiencyAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The least efficient surge zones over [from, to) (default: the last hour): surge paid while demand stayed unmet.")
            .WithDescription("Both terms (mean surge excess, mean unmet share of demand) are divided by their largest value among the " +
                "window's surge zones and averaged; ties are ordered by cell id. Read from the history store: PostgreSQL when configured, " +
                "otherwise the in-memory history of the last hours.")
            .Produces<SurgeEfficiencyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetSurgeEfficiencyAsync(string city, string? from, string? to, string? limit, HttpContext http,
        CityCatalog cities, IHeatmapHistory history, TimeProvider time, IOptions<HeatmapHistoryOptions> options)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        var errors = new FieldErrors();
        var window = TimeWindow.Parse(errors, from, to, time.GetUtcNow(), options.Value.MaxRange);
        var count = Query.Int(errors, "limit", limit, DefaultLimit, 1, MaxLimit);
        if (errors.Any)
            return errors.ToResult();
        var zones = await history.GetSurgeZonesAsync(city, window.From, window.To, http.RequestAborted);
        return TypedResults.Ok(new SurgeEfficiencyResponse(city, window.From, window.To, zones.Count, SurgeEfficiency.LeastEfficient(zones, count)));
    }
}
