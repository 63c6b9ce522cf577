using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Health;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Kafka;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class HealthAndOpenApiTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Liveness_is_anonymous_and_detailed_health_reports_the_grid()
    {
        // Every record handed over so far has been handled: none is pending.
        await Host.QuietAsync();
        var (live, liveBody) = await Host.Client().ReadAsync("/health");
        var (detailed, body) = await Host.Dashboard().ReadAsync("/health/detailed");

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("healthy", liveBody.Str("status"));
        Assert.Equal(HttpStatusCode.OK, detailed);
        var grid = body.GetProperty("components").GetProperty("grid");
        Assert.Equal("healthy", grid.Str("status"));
        Assert.Equal(0, grid.GetProperty("data").GetProperty("pending_messages").GetInt64());
    }

    [Theory]
    [InlineData(100, "healthy")]
    [InlineData(101, "degraded")]
    public async Task The_grid_check_adds_up_the_records_on_their_way_to_the_grains_and_degrades_beyond_the_limit(long pending, string expected)
    {
        var check = new GridHealthCheck(Host.Grains, Host.Services.GetRequiredService<CityCatalog>(), [new Backlog(pending - 1), new Backlog(1)],
            Options.Create(new ApiHealthOptions { DegradedPendingMessages = 100 }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status.ToString().ToLowerInvariant());
        Assert.Equal(pending, result.Data["pending_messages"]);
    }

    [Fact]
    public async Task Readiness_is_anonymous_and_turns_503_without_details_when_a_component_is_unhealthy()
    {
        var (ready, readyBody) = await Host.Client().ReadAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("healthy", readyBody.Str("status"));

        await using var failing = await ApiHost.StartAsync(configureServices: services =>
            services.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Unhealthy("database at 10.0.0.7 unreachable")));
        using var response = await failing.Client().GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"unhealthy\"", text);
        Assert.DoesNotContain("10.0.0.7", text);
        Assert.Equal(HttpStatusCode.OK, (await failing.Client().ReadAsync("/health")).Status);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_snake_case_schemas_and_the_bearer_scheme()
    {
        var (status, document) = await Host.Client().ReadAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document.GetProperty("paths");
        string[] expected =
        [
            "/api/cities", "/api/heatmap/{city}", "/api/heatmap/{city}/stream", "/api/heatmap/{city}/history",
            "/api/heatmap/{city}/history/{cell}", "/api/hotspots/{city}", "/api/metrics", "/api/suggestions/{driverId}",
            "/api/accept", "/api/suggest-reposition", "/api/process-event", "/api/incentives/calculate", "/api/incentives/{driverId}",
            "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/pause", "/api/campaigns/{id}/resume",
            "/api/campaigns/{id}/cancel", "/api/campaigns/{id}/metrics", "/api/send-message", "/api/send-reposition",
            "/api/send-incentive", "/api/odrd/rank", "/api/shift-advice/{driverId}", "/health", "/health/ready", "/health/detailed",
        ];
        var listed = paths.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(expected, path => Assert.Contains(path, listed));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("CreateCampaignBody").GetProperty("properties").TryGetProperty("city_id", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").Str("scheme"));
    }

    /// <summary>One way records reach the grains, with a given number pending; the check adds them up.</summary>
    private sealed class Backlog(long pending) : IPendingRecords
    {
        public long PendingRecords => pending;
    }
}
