using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Heatmaps;
using SupplyGrid.Api.Live;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class StreamTests(ApiFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task The_stream_sends_a_snapshot_then_the_changes_of_the_city()
    {
        await using var stream = await SseReader.OpenAsync(Host.Dashboard(), "/api/heatmap/singapore/stream");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);

        var (first, snapshot) = await stream.NextAsync(Wait);
        Assert.Equal("snapshot", first);
        Assert.Equal("singapore", snapshot.Str("city_id"));
        Assert.True(snapshot.TryGetProperty("zones", out _));

        var cell = Places.Cell(Places.Tampines);
        await Host.PlaceDriversAsync("stream-tampines", cell, 2);
        // The cell's first tick (5 s after it woke), then the city's next publication (every second).
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));
        var (_, change) = await stream.NextMatchingAsync(
            (name, data) => name == "change" && data.GetProperty("zones").EnumerateArray().Any(z => z.Str("h3") == cell.ToString()
                && z.GetProperty("drivers").GetInt32() == 2), Wait);

        Assert.Equal("singapore", change.Str("city_id"));
        Assert.True(change.GetProperty("metrics").GetProperty("drivers").GetInt32() >= 2);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, change.GetProperty("retired_cells").ValueKind);
    }

    [Fact]
    public async Task A_browser_may_pass_its_token_in_the_query_string_of_the_stream_only()
    {
        var token = Host.Token(ApiRoles.Dashboard);
        var anonymous = Host.Client();

        await using (var stream = await SseReader.OpenAsync(anonymous, $"/api/heatmap/singapore/stream?access_token={token}"))
        {
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            Assert.Equal("snapshot", (await stream.NextAsync(Wait)).Name);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/heatmap/singapore?access_token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/heatmap/singapore/stream")).StatusCode);
    }

    [Fact]
    public async Task A_stream_of_an_unknown_city_is_404_before_anything_is_streamed()
    {
        using var response = await Host.Dashboard().GetAsync("/api/heatmap/atlantis/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_client_that_leaves_is_unsubscribed_and_frees_its_slot()
    {
        var hub = Host.Services.GetRequiredService<CityChangeHub>();
        var streams = Host.Services.GetRequiredService<HeatmapStreams>();
        var before = hub.StreamCount(ApiHost.City);

        var stream = await SseReader.OpenAsync(Host.Dashboard(), "/api/heatmap/singapore/stream");
        await stream.NextAsync(Wait);
        Assert.Equal(before + 1, hub.StreamCount(ApiHost.City));
        await stream.DisposeAsync();

        await Eventually.True(() => Task.FromResult(hub.StreamCount(ApiHost.City) == before && streams.Open == before), "the stream to close");
    }
}
