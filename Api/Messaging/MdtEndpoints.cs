using System.Text.Json;
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
using SupplyGrid.Grains.Messaging;
using Orleans;

namespace SupplyGrid.Api.Messaging;

/// <summary>An operator's messages and offers to a driver's terminal (MDT).</summary>
internal static class MdtEndpoints
{
    /// <summary>The terminal shows 4 lines of 32 characters; longer text would be cut, so it is refused instead.</summary>
    public const int MaxMessageLength = MdtTextRules.MaxLines * MdtTextRules.MaxLineLength;

    /// <summary>An operator's fixed incentive may not exceed this (the policy's own amounts are 5 to 20).</summary>
    public const decimal MaxFixedAmount = 1_000m;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/send-message", SendMessageAsync)
            .RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("Free text to the driver's terminal (at most 4 lines of 32 characters once wrapped).")
            .Accepts<SendMessageBody>("application/json")
            .Produces<MdtMessage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/send-reposition", (HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits) =>
                SendOfferAsync(http, grains, cities, limits, fixedAmount: false))
            .RequireAuthorization(ApiPolicies.Operate)
            .WithName("send_reposition")
            .WithSummary("Offers the driver a move to a cell, priced by the incentive policy and funded by a campaign.")
            .Accepts<SendOfferBody>("application/json")
            .Produces<OfferDecision>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/send-incentive", (HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits) =>
                SendOfferAsync(http, grains, cities, limits, fixedAmount: true))
            .RequireAuthorization(ApiPolicies.Operate)
            .WithName("send_incentive")
            .WithSummary("Offers the driver a fixed amount to move to a cell, funded by a campaign.")
            .Accepts<SendOfferBody>("application/json")
            .Produces<OfferDecision>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SendMessageAsync(HttpContext http, IGrainFactory grains, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.SendMessageBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", body.DriverId);
        Check.Text(errors, "text", body.Text, MaxMessageLength);
        if (errors.Any)
            return errors.ToResult();

        var (view, unknown) = await Known.DriverAsync(grains, body.DriverId!);
        if (unknown is not null)
            return unknown;
        if (view!.VehicleId is null)
            return ApiProblems.Conflict($"Driver '{body.DriverId}' has no known vehicle: there is no terminal to write to.");
        return TypedResults.Ok(await grains.GetGrain<IDriverGrain>(body.DriverId!).SendBroadcast(body.Text!));
    }

    private static async Task<IResult> SendOfferAsync(HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits,
        bool fixedAmount)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.SendOfferBody, limits.Value.MaxRequestBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        Check.Id(errors, "driver_id", body.DriverId);
        Check.OptionalId(errors, "campaign_id", body.CampaignId);
        if (fixedAmount)
            Check.Amount(errors, "amount", body.Amount, MaxFixedAmount);
        else if (body.Amount is not null)
            errors.Add("amount", "amount is priced by the incentive policy here; use /api/send-incentive for a fixed amount.");
        CityInfo? targetCity = null;
        if (Check.Cell(errors, "target_cell", body.TargetCell, out var target))
            targetCity = await cities.CityOfCellAsync(errors, "target_cell", target);
        if (errors.Any)
            return errors.ToResult();

        var (view, unknown) = await Known.DriverAsync(grains, body.DriverId!);
        if (unknown is not null)
            return unknown;
        if (view!.CityId != targetCity!.Id)
            return ApiProblems.Invalid("target_cell", $"target_cell {target} is in {targetCity.Id}; the driver is {(view.CityId is null ? "in no configured city" : "in " + view.CityId)}.");

        var decision = await grains.GetGrain<IDriverGrain>(body.DriverId!).OfferMove(target.ToString(), body.CampaignId, fixedAmount ? body.Amount : null);
        if (decision.Offered)
            return TypedResults.Ok(decision);
        var refusal = JsonNamingPolicy.SnakeCaseLower.ConvertName(decision.Refusal.ToString());
        return ApiProblems.Conflict($"The driver grain refused the offer: {refusal}.",
            new Dictionary<string, object?> { ["refusal"] = refusal, ["offer_id"] = decision.OfferId });
    }
}
