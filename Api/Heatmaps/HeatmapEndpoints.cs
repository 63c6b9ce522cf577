using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.History;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Validation;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using Orleans;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>Cities, heatmaps (current, history, live), hotspots and the city KPIs.</summary>
internal static class HeatmapEndpoints
{
    public const int DefaultHotspots = 10;
    public const int MaxHotspots = 500;
    public const double DefaultHotspotRadiusKm = 2;
    public const double MaxHotspotRadiusKm = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cities", GetCitiesAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The configured cities: id, name, time zone, currency, bounds, H3 resolution, reposition pool.")
            .Produces<IReadOnlyList<CityInfo>>();

        api.MapGet("/heatmap/{city}", GetHeatmapAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Supply and demand of every active cell of the city, with the overall ratio.")
            .Produces<Heatmap>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/heatmap/{city}/stream", Stream)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Live heatmap as server-sent events: a snapshot, then the changes.")
            .WithDescription("Events: 'snapshot' (a heatmap), 'change' (zones changed, retired_cells, metrics). " +
                "EventSource cannot send headers, so this endpoint also takes the token as ?access_token=.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/heatmap/{city}/history", GetCityHistoryAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The city's figures minute by minute over [from, to) (default: the last hour).")
            .Produces<CityHistoryResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/heatmap/{city}/history/{cell}", GetCellHistoryAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("One cell's figures minute by minute over [from, to) (default: the last hour).")
            .Produces<CellHistoryResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/hotspots/{city}", GetHotspotsAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The worst deficit cells; with lat, lng and radius_km, those near a point, nearest and worst first.")
            .Produces<IReadOnlyList<Hotspot>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/metrics", GetMetricsAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("A city's KPIs: cells, drivers, demand, offers by outcome, acceptance rate, response time, spend.")
            .Produces<CityMetrics>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetCitiesAsync(CityCatalog cities) =>
        TypedResults.Ok(await cities.GetAllAsync());

    private static async Task<IResult> GetHeatmapAsync(string city, CityCatalog cities, HeatmapCache cache)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        return new CachedHeatmapResult(await cache.GetAsync(city));
    }

    private static IResult Stream(string city, CityCatalog cities, HeatmapStreams streams)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        if (!streams.TryOpen())
            return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, "Too many live streams are open; try again later.");
        return new StreamResult(streams, city);
    }

    private static async Task<IResult> GetCityHistoryAsync(string city, string? from, string? to, HttpContext http,
        CityCatalog cities, IHeatmapHistory history, TimeProvider time, IOptions<HeatmapHistoryOptions> options)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        var errors = new FieldErrors();
        var window = TimeWindow.Parse(errors, from, to, time.GetUtcNow(), options.Value.MaxRange);
        if (errors.Any)
            return errors.ToResult();
        var points = await history.GetCityAsync(city, window.From, window.To, http.RequestAborted);
        return TypedResults.Ok(new CityHistoryResponse(city, window.From, window.To, points));
    }

    private static async Task<IResult> GetCellHistoryAsync(string city, string cell, string? from, string? to, HttpContext http,
        CityCatalog cities, IHeatmapHistory history, TimeProvider time, IOptions<HeatmapHistoryOptions> options)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        var errors = new FieldErrors();
        var window = TimeWindow.Parse(errors, from, to, time.GetUtcNow(), options.Value.MaxRange);
        if (Check.Cell(errors, "cell", cell, out var index) && await cities.CityOfCellAsync(errors, "cell", index) is { } owner && owner.Id != city)
            errors.Add("cell", $"cell {index} is in {owner.Id}, not {city}.");
        if (errors.Any)
            return errors.ToResult();
        var points = await history.GetCellAsync(city, index.ToString(), window.From, window.To, http.RequestAborted);
        return TypedResults.Ok(new CellHistoryResponse(city, index.ToString(), window.From, window.To, points));
    }

    private static async Task<IResult> GetHotspotsAsync(string city, string? top, string? lat, string? lng,
        [FromQuery(Name = "radius_km")] string? radiusKm, CityCatalog cities, IGrainFactory grains)
    {
        if (Known.City(cities, city) is { } problem)
            return problem;
        var errors = new FieldErrors();
        var count = Query.Int(errors, "top", top, DefaultHotspots, 1, MaxHotspots);
        var near = lat is not null || lng is not null || radiusKm is not null;
        var point = default(LatLng);
        var radius = DefaultHotspotRadiusKm;
        if (near)
        {
            var latitude = Query.Double(errors, "lat", lat);
            var longitude = Query.Double(errors, "lng", lng);
            radius = Query.Double(errors, "radius_km", radiusKm) ?? DefaultHotspotRadiusKm;
            var latitudeOk = !errors.Has("lat") && Check.Latitude(errors, "lat", latitude);
            var longitudeOk = !errors.Has("lng") && Check.Longitude(errors, "lng", longitude);
            if (latitudeOk && longitudeOk)
                point = new LatLng(latitude!.Value, longitude!.Value);
            if (!(radius > 0 && radius <= MaxHotspotRadiusKm))
                errors.Add("radius_km", $"radius_km must be greater than 0 and at most {MaxHotspotRadiusKm}.");
        }

        if (errors.Any)
            return errors.ToResult();
        var grain = grains.GetGrain<ICityGrain>(city);
        return TypedResults.Ok(near ? await grain.GetHotspotsNear(point, radius, count) : await grain.GetHotspots(count));
    }

    private static async Task<IResult> GetMetricsAsync(string? city, CityCatalog cities, IGrainFactory grains)
    {
        var id = city ?? cities.DefaultCityId;
        if (Known.City(cities, id) is { } problem)
            return problem;
        return TypedResults.Ok(await grains.GetGrain<ICityGrain>(id).GetMetrics());
    }

    /// <summary>Runs the stream when executed, in the slot the endpoint claimed.</summary>
    private sealed class StreamResult(HeatmapStreams streams, string cityId) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => streams.RunAsync(httpContext, cityId);
    }
}
