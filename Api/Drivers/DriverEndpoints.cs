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
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using Orleans;

namespace SupplyGrid.Api.Drivers;

/// <summary>What the grid tells and asks about one driver: suggestions, incentives, shift advice, replies to offers.</summary>
internal static class DriverEndpoints
{
    public const int DefaultSuggestions = 5;
    public const int MaxSuggestions = 20;
    public const int MaxAdviceDays = 7;
    public const int MaxReasonLength = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/suggestions/{driverId}", GetSuggestionsAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Nearby deficit cells worth driving to, with the estimated incentive, and the driver's live offer.")
            .Produces<DriverSuggestions>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/incentives/{driverId}", GetIncentivesAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Today's incentives of the driver, the daily cap, recent offers and awards.")
            .Produces<DriverIncentives>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/shift-advice/{driverId}", GetShiftAdviceAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The coming hours with the best expected earnings in the driver's usual area.")
            .Produces<ShiftAdvice>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/incentives/calculate", CalculateAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("What a move to a cell would pay the driver now, with its components. Nothing is reserved.")
            .Accepts<CalculateIncentiveBody>("application/json")
            .Produces<IncentiveCalculation>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/accept", AcceptAsync)
            .RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("The driver's reply to an offer (accept by default, or decline), as the terminal would send it.")
            .Accepts<AcceptBody>("application/json")
            .Produces<OfferView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetSuggestionsAsync(string driverId, string? max, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", driverId);
        var count = Query.Int(errors, "max", max, DefaultSuggestions, 1, MaxSuggestions);
        if (errors.Any)
            return errors.ToResult();
        var (_, unknown) = await Known.DriverAsync(grains, driverId);
        return unknown ?? TypedResults.Ok(await grains.GetGrain<IDriverGrain>(driverId).GetSuggestions(count));
    }

    private static async Task<IResult> GetIncentivesAsync(string driverId, IGrainFactory grains)
    {
        if (Known.Id(driverId, "driver_id") is { } invalid)
            return invalid;
        var (_, unknown) = await Known.DriverAsync(grains, driverId);
        return unknown ?? TypedResults.Ok(await grains.GetGrain<IDriverGrain>(driverId).GetIncentives());
    }

    private static async Task<IResult> GetShiftAdviceAsync(string driverId, string? days, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", driverId);
        var dayCount = Query.Int(errors, "days", days, 1, 1, MaxAdviceDays);
        if (errors.Any)
            return errors.ToResult();
        var (_, unknown) = await Known.DriverAsync(grains, driverId);
        return unknown ?? TypedResults.Ok(await grains.GetGrain<IDriverGrain>(driverId).GetShiftAdvice(dayCount));
    }

    private static async Task<IResult> CalculateAsync(HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CalculateIncentiveBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", body.DriverId);
        CityInfo? targetCity = null;
        if (Check.Cell(errors, "target_cell", body.TargetCell, out var target))
            targetCity = await cities.CityOfCellAsync(errors, "target_cell", target);
        if (errors.Any)
            return errors.ToResult();

        var (view, unknown) = await Known.DriverAsync(grains, body.DriverId!);
        if (unknown is not null)
            return unknown;
        if (view!.CityId is null)
            return ApiProblems.Conflict($"Driver '{body.DriverId}' is in no configured city.");
        if (view.CityId != targetCity!.Id)
            return ApiProblems.Invalid("target_cell", $"target_cell {target} is in {targetCity.Id}; the driver is in {view.CityId}.");
        return TypedResults.Ok(await grains.GetGrain<IDriverGrain>(body.DriverId!).CalculateIncentive(target.ToString()));
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, IGrainFactory grains, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.AcceptBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", body.DriverId);
        Check.Id(errors, "offer_id", body.OfferId);
        Check.OptionalText(errors, "reason", body.Reason, MaxReasonLength);
        if (errors.Any)
            return errors.ToResult();

        var (_, unknown) = await Known.DriverAsync(grains, body.DriverId!);
        if (unknown is not null)
            return unknown;
        var accept = (body.Decision ?? ReplyDecision.Accept) == ReplyDecision.Accept;
        var offer = await grains.GetGrain<IDriverGrain>(body.DriverId!).Reply(body.OfferId!, accept, body.Reason);
        return offer is null
            ? ApiProblems.NotFound($"Driver '{body.DriverId}' has no offer '{body.OfferId}'.")
            : TypedResults.Ok(offer);
    }
}
