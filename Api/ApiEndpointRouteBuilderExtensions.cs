using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupplyGrid.Api.Analytics;
using SupplyGrid.Api.Campaigns;
using SupplyGrid.Api.Drivers;
using SupplyGrid.Api.Events;
using SupplyGrid.Api.Health;
using SupplyGrid.Api.Heatmaps;
using SupplyGrid.Api.Messaging;
using SupplyGrid.Api.Odrd;
using SupplyGrid.Api.Reposition;

namespace SupplyGrid.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds the API's middleware to the silo's pipeline (exception and status-code problem details for /api and
    /// /health, authentication, rate limiting, authorization) and maps every endpoint: /api/..., /health,
    /// /health/detailed and the OpenAPI document at /openapi/v1.json. Call it after the host's own early middleware
    /// (static files, forwarded headers) and before <c>Run</c>.
    /// </summary>
    public static WebApplication MapSupplyGridApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => ApiRoutes.IsApi(context.Request.Path), api =>
        {
            api.UseExceptionHandler();
            // Answers without a body (404 for an unknown route, 405, a framework 400) get a problem body too.
            api.UseStatusCodePages();
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        var api = app.MapGroup(ApiRoutes.Api).RequireRateLimiting(ApiServiceCollectionExtensions.RateLimitPolicy);
        HeatmapEndpoints.Map(api.MapGroup("").WithTags("heatmap"));
        DriverEndpoints.Map(api.MapGroup("").WithTags("drivers"));
        RepositionEndpoints.Map(api.MapGroup("").WithTags("reposition"));
        ProcessEventEndpoints.Map(api.MapGroup("").WithTags("events"));
        CampaignEndpoints.Map(api.MapGroup("").WithTags("campaigns"));
        MdtEndpoints.Map(api.MapGroup("").WithTags("mdt"));
        OdrdEndpoints.Map(api.MapGroup("").WithTags("odrd"));
        AnalyticsEndpoints.Map(api.MapGroup("").WithTags("analytics"));
        HealthEndpoints.Map(app);
        app.MapOpenApi(ApiRoutes.OpenApiDocument).AllowAnonymous();
        return app;
    }
}
