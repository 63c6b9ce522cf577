using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Validation;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using Orleans;

namespace SupplyGrid.Api.Reposition;

/// <summary>POST /api/suggest-reposition: a cell's reposition plan now, optionally sent to the drivers.</summary>
internal static class RepositionEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/suggest-reposition", SuggestAsync)
            .RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("Recomputes a cell (given as cell, or as lat and lng) and plans repositioning; send: true sends the offers.")
            .Accepts<SuggestRepositionBody>("application/json")
            .Produces<RepositionPlanView>()
            .ProducesValidationProblem();

    private static async Task<IResult> SuggestAsync(HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.SuggestRepositionBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        var cell = await CellOfAsync(body, cities, errors);
        if (errors.Any)
            return errors.ToResult();
        return TypedResults.Ok(await grains.GetGrain<ICellGrain>(cell.ToString()).SuggestReposition(body.Send ?? false));
    }

    /// <summary>The cell named, or the cell of the point at its city's resolution.</summary>
    private static async Task<H3Index> CellOfAsync(SuggestRepositionBody body, CityCatalog cities, FieldErrors errors)
    {
        var point = body.Lat is not null || body.Lng is not null;
        if (body.Cell is not null && point)
        {
            errors.Add("cell", "Give either cell or lat and lng, not both.");
            return default;
        }

        if (!point)
        {
            if (Check.Cell(errors, "cell", body.Cell, out var cell))
                await cities.CityOfCellAsync(errors, "cell", cell);
            return cell;
        }

        if (!(Check.Latitude(errors, "lat", body.Lat) & Check.Longitude(errors, "lng", body.Lng)))
            return default;
        var city = await cities.FindForPointAsync(body.Lat!.Value, body.Lng!.Value);
        if (city is null)
        {
            errors.Add("lat", "lat and lng are in no configured city.");
            return default;
        }

        return H3.LatLngToCell(body.Lat.Value, body.Lng.Value, city.Resolution);
    }
}
