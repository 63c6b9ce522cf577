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
using Orleans;

namespace SupplyGrid.Api.Campaigns;

/// <summary>Incentive campaigns: create, read, list, pause, resume, cancel, metrics.</summary>
internal static class CampaignEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/campaigns", CreateAsync)
            .RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("Creates a campaign (reposition pool, quest or event). The same id and definition again changes nothing.")
            .Accepts<CreateCampaignBody>("application/json")
            .Produces<CampaignView>(StatusCodes.Status201Created)
            .Produces<CampaignView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/campaigns", ListAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("A city's campaigns, newest first (city defaults to the first configured city).")
            .Produces<CampaignListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/campaigns/{id}", GetAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("One campaign with its status and ledger totals.")
            .Produces<CampaignView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/campaigns/{id}/metrics", GetMetricsAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("A campaign's ledger in figures: spent, reserved, remaining, offers paid on time or late, awards.")
            .Produces<CampaignMetrics>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapControl(api, "pause", "Pauses the campaign: no new offers draw on it; running offers still settle.", c => c.Pause());
        MapControl(api, "resume", "Resumes a paused campaign.", c => c.Resume());
        MapControl(api, "cancel", "Stops the campaign for good; running offers still settle.", c => c.Cancel());
    }

    private static void MapControl(RouteGroupBuilder api, string action, string summary, Func<ICampaignGrain, Task<CampaignView>> control) =>
        api.MapPost($"/campaigns/{{id}}/{action}", (string id, IGrainFactory grains) => ControlAsync(id, grains, control))
            .RequireAuthorization(ApiPolicies.Operate)
            .WithName($"campaign_{action}")
            .WithSummary(summary)
            .Produces<CampaignView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, CityCatalog cities, IOptions<ApiLimitOptions> limits)
    {
        var (body, bad) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CreateCampaignBody, limits.Value.MaxCampaignBodyBytes);
        if (body is null)
            return bad!;
        var errors = new FieldErrors();
        var (definition, unknownCity) = await CampaignRequest.BuildAsync(body, cities, errors);
        if (unknownCity)
            return ApiProblems.UnknownCity(body.CityId!);
        if (definition is null)
            return errors.ToResult();

        var id = body.Id ?? "cmp-" + Guid.NewGuid().ToString("N");
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        var existed = await campaign.Get() is not null;
        try
        {
            var view = await campaign.Create(definition);
            return existed ? TypedResults.Ok(view) : TypedResults.Created($"/api/campaigns/{Uri.EscapeDataString(id)}", view);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    private static async Task<IResult> ListAsync(string? city, CityCatalog cities, IGrainFactory grains)
    {
        var id = city ?? cities.DefaultCityId;
        if (Known.City(cities, id) is { } problem)
            return problem;
        return TypedResults.Ok(new CampaignListResponse(id, await grains.GetGrain<ICityGrain>(id).ListCampaigns()));
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        if (Known.Id(id, "id") is { } invalid)
            return invalid;
        return await grains.GetGrain<ICampaignGrain>(id).Get() is { } view ? TypedResults.Ok(view) : UnknownCampaign(id);
    }

    private static async Task<IResult> GetMetricsAsync(string id, IGrainFactory grains)
    {
        if (Known.Id(id, "id") is { } invalid)
            return invalid;
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        return await campaign.Get() is null ? UnknownCampaign(id) : TypedResults.Ok(await campaign.GetMetrics());
    }

    private static async Task<IResult> ControlAsync(string id, IGrainFactory grains, Func<ICampaignGrain, Task<CampaignView>> control)
    {
        if (Known.Id(id, "id") is { } invalid)
            return invalid;
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        if (await campaign.Get() is null)
            return UnknownCampaign(id);
        try
        {
            return TypedResults.Ok(await control(campaign));
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    private static IResult UnknownCampaign(string id) => ApiProblems.NotFound($"No campaign '{id}' exists.");
}
