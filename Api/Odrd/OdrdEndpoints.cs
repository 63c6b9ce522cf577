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

namespace SupplyGrid.Api.Odrd;

/// <summary>POST /api/odrd/rank: the dispatch service asks for candidate drivers ranked for a pickup.</summary>
internal static class OdrdEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/odrd/rank", RankAsync)
            .RequireAuthorization(ApiPolicies.Dispatch)
            .WithSummary("Scores each candidate in [0, 1] for the pickup, with reasons; candidates the grid cannot send are listed apart.")
            .Accepts<OdrdRankBody>("application/json")
            .Produces<OdrdRanking>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> RankAsync(HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.OdrdRankBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        var cityOk = body.City is null || Check.CityId(errors, "city", body.City);
        var pickupOk = Check.Required(errors, "pickup", body.Pickup)
            && (Check.Latitude(errors, "pickup.lat", body.Pickup.Lat) & Check.Longitude(errors, "pickup.lng", body.Pickup.Lng));
        var ids = CandidateIds(body, limits.Value.MaxOdrdCandidates, errors);
        if (cityOk && body.City is not null && !cities.IsKnown(body.City))
            return ApiProblems.UnknownCity(body.City);
        CityInfo? city = null;
        if (pickupOk)
        {
            city = await cities.FindForPointAsync(body.Pickup!.Lat!.Value, body.Pickup.Lng!.Value);
            if (city is null)
                errors.Add("pickup", "pickup is in no configured city.");
            else if (cityOk && body.City is not null && body.City != city.Id)
                errors.Add("pickup", $"pickup is in {city.Id}, not {body.City}.");
        }

        if (errors.Any)
            return errors.ToResult();
        var pickup = new LatLng(body.Pickup!.Lat!.Value, body.Pickup.Lng!.Value);
        return TypedResults.Ok(await grains.GetGrain<IOdrdRankingGrain>(city!.Id).Rank(new OdrdRankRequest(pickup, ids)));
    }

    /// <summary>1 to the maximum ids, each well-formed and listed once.</summary>
    private static string[] CandidateIds(OdrdRankBody body, int max, FieldErrors errors)
    {
        if (!Check.Required(errors, "driver_ids", body.DriverIds))
            return [];
        var given = body.DriverIds;
        if (given.Count == 0 || given.Count > max)
        {
            errors.Add("driver_ids", $"driver_ids must list 1 to {max} drivers (was {given.Count}).");
            return [];
        }

        var ids = new string[given.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"driver_ids[{i}]";
            if (!Check.Id(errors, field, given[i]))
                continue;
            ids[i] = given[i]!;
            if (!seen.Add(ids[i]))
                errors.Add(field, $"{field} '{ids[i]}' is listed more than once.");
        }

        return ids;
    }
}
