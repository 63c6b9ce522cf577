using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Security;

namespace SupplyGrid.Api.Dashboards;

public static class CityDashboardExtensions
{
    private const string ResourcePrefix = "SupplyGrid.Api.wwwroot.";

    /// <summary>
    /// Adds what the city dashboard reads besides the API: <see cref="RecentMdtMessages"/>, which the host feeds by
    /// wrapping its MDT outbox in a <see cref="RecordingMdtOutbox"/>. Call after <c>AddSupplyGridApi</c>.
    /// </summary>
    public static IServiceCollection AddCityDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RecentMdtMessages>();
        return services;
    }

    /// <summary>
    /// Maps the city dashboard: the page at <c>/dashboard/{city}</c> (<c>/</c> and <c>/dashboard</c> redirect to the first
    /// city), the dashboards' shared files at <c>/dashboard/assets/{file}</c>, and two reads for the page under
    /// <c>/api/dashboard</c> (cell outlines and recent MDT messages; dashboard or operator role, rate limited like the
    /// API). Call after <c>MapSupplyGridApi</c>, which adds the authentication middleware these reads rely on.
    /// </summary>
    public static IEndpointRouteBuilder MapCityDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = new EmbeddedAssets(typeof(CityDashboardExtensions).Assembly, ResourcePrefix);

        endpoints.MapGet("/", (CityCatalog cities) => Results.Redirect($"/dashboard/{cities.DefaultCityId}")).ExcludeFromDescription();
        endpoints.MapGet("/dashboard", (CityCatalog cities) => Results.Redirect($"/dashboard/{cities.DefaultCityId}")).ExcludeFromDescription();
        endpoints.MapGet("/dashboard/{city}", (HttpContext context, string city, CityCatalog cities) => cities.IsKnown(city)
                ? assets.Serve(context, "index.html")
                : Results.Content($"No city '{city}' is configured; try /dashboard/{cities.DefaultCityId}.", "text/plain", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        endpoints.MapGet("/dashboard/assets/{file}", (HttpContext context, string file) => assets.Serve(context, file)).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/dashboard")
            .RequireAuthorization(ApiPolicies.Read)
            .RequireRateLimiting(ApiServiceCollectionExtensions.RateLimitPolicy)
            .WithTags("dashboard");
        api.MapGet("/cells", (string? h3) => CellBoundaries.Get(h3))
            .WithSummary($"Outlines of up to {CellBoundaries.MaxCellsPerRequest} H3 cells (?h3=a,b,...), as [lat, lng] vertices.")
            .Produces<CellOutlines>()
            .ProducesValidationProblem();
        api.MapGet("/mdt/{city}", MdtFeed.GetAsync)
            .WithSummary("The newest MDT messages sent to drivers in the city, newest first; ?after= the last sequence seen, ?limit= at most 200.")
            .Produces<MdtFeedPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
