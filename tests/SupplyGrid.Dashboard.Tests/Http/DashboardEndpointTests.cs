using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Dashboard.Tests.CityDashboard;
using SupplyGrid.Dashboard.Tests.Hosting;
using SupplyGrid.Geo;

namespace SupplyGrid.Dashboard.Tests.Http;

/// <summary>The dashboards' own endpoints over HTTP: files, cell outlines, the MDT feed and the silo's figures.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardEndpointTests(DashboardFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Silo.BaseUrl) };
    private readonly HttpClient _anonymous = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Silo.BaseUrl) };

    private DashboardSilo Silo => fixture.Silo;

    public void Dispose()
    {
        _http.Dispose();
        _anonymous.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Silo.DashboardToken);
        return await _http.SendAsync(request);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task The_root_leads_to_the_first_city_and_an_unknown_city_is_not_found()
    {
        using var root = await _anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal($"/dashboard/{DashboardSilo.City}", root.Headers.Location?.OriginalString);

        using var unknown = await _anonymous.GetAsync("/dashboard/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/singapore")]
    [InlineData("/silo")]
    public async Task Pages_may_load_nothing_from_outside_the_silo(string path)
    {
        using var page = await _anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task Files_carry_an_etag_and_an_unchanged_file_is_not_sent_again()
    {
        using var first = await _anonymous.GetAsync("/dashboard/assets/city.js");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/assets/city.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await _anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var missing = await _anonymous.GetAsync("/dashboard/assets/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Cell_outlines_are_the_silo_h3_boundaries()
    {
        var cells = new[] { new LatLng(1.2840, 103.8515), new LatLng(1.3525, 103.9447) }.Select(p => H3.LatLngToCell(p, 8)).ToArray();

        var answer = await GetJsonAsync($"/api/dashboard/cells?h3={string.Join(',', cells)}");

        var outlines = answer.GetProperty("cells").EnumerateArray().ToArray();
        Assert.Equal(cells.Select(c => c.ToString()), outlines.Select(o => o.GetProperty("h3").GetString()));
        for (var i = 0; i < cells.Length; i++)
        {
            var expected = H3.CellToBoundary(cells[i]);
            var vertices = outlines[i].GetProperty("boundary").EnumerateArray().Select(v => new LatLng(v[0].GetDouble(), v[1].GetDouble())).ToArray();
            Assert.Equal(expected.Length, vertices.Length);
            for (var v = 0; v < expected.Length; v++)
                Assert.True(H3.GreatCircleDistanceKm(expected[v], vertices[v]) < 0.001, $"vertex {v} of {cells[i]} is off");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?h3=not-a-cell")]
    [InlineData("?h3=8865229a1bfffff,zz")]
    public async Task Cell_outlines_refuse_a_bad_list_naming_the_field(string query)
    {
        using var response = await GetAsync("/api/dashboard/cells" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("h3", out _));
    }

    [Fact]
    public async Task Cell_outlines_refuse_more_than_a_request_may_ask()
    {
        var origin = H3.LatLngToCell(new LatLng(1.30, 103.85), 8);
        var many = H3.GridDisk(origin, 9).Take(CellBoundaries.MaxCellsPerRequest + 1);

        using var response = await GetAsync($"/api/dashboard/cells?h3={string.Join(',', many)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/dashboard/cells?h3=8865229a1bfffff")]
    [InlineData("/api/dashboard/mdt/singapore")]
    [InlineData("/silo/api/overview")]
    [InlineData("/silo/api/history")]
    public async Task Data_needs_a_token(string path)
    {
        using var response = await _anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_mdt_feed_shows_the_city_messages_newest_first_and_only_new_ones_when_asked()
    {
        var recent = Silo.Services.GetRequiredService<RecentMdtMessages>();
        var before = recent.LastSequence;
        recent.Record(RecentMdtMessagesTests.Message("feed-here", centre: new LatLng(1.30, 103.85)));
        recent.Record(RecentMdtMessagesTests.Message("feed-new-york", centre: new LatLng(40.75, -73.99)));
        recent.Record(RecentMdtMessagesTests.Message("feed-broadcast", type: Grains.Messaging.MdtMessageType.Broadcast));

        var page = await GetJsonAsync($"/api/dashboard/mdt/{DashboardSilo.City}?after={before}");

        // The live city adds its own messages meanwhile, before and after these.
        var ours = page.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("message_id").GetString()!.StartsWith("feed-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["feed-broadcast", "feed-here"], ours.Select(m => m.GetProperty("message_id").GetString()));
        Assert.True(page.GetProperty("last_sequence").GetInt64() >= before + 3);
        Assert.Equal("broadcast", ours[0].GetProperty("type").GetString());

        var later = await GetJsonAsync($"/api/dashboard/mdt/{DashboardSilo.City}?after={page.GetProperty("last_sequence").GetInt64()}");
        Assert.DoesNotContain(later.GetProperty("messages").EnumerateArray(), m => m.GetProperty("message_id").GetString()!.StartsWith("feed-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?after=-1")]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    public async Task The_mdt_feed_refuses_bad_parameters(string query)
    {
        using var response = await GetAsync($"/api/dashboard/mdt/{DashboardSilo.City}{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_silo_overview_has_the_kafka_layer_and_the_offer_funnel_and_names_the_orleans_silo()
    {
        var overview = await GetJsonAsync("/silo/api/overview");

        // The stream layer is registered; its topics and partitions show once records flow (the page test waits for them).
        var kafka = overview.GetProperty("kafka");
        Assert.Equal(JsonValueKind.Array, kafka.GetProperty("partitions").ValueKind);
        Assert.True(kafka.GetProperty("in_cache").GetInt64() >= 0);
        Assert.True(kafka.GetProperty("dead_letters_by_reason").TryGetProperty("no_key", out _), "the provider's dead-letter reasons are listed");
        var offers = overview.GetProperty("offers").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["acceptance_rate", "accepted", "arrived", "declined", "expired", "failed", "sent"], offers);
        // The Orleans silo this process hosts, as Orleans' dashboard lists it (S<ip>:<port>:<generation>).
        Assert.StartsWith("S127.0.0.1:", overview.GetProperty("silo").GetProperty("silo_address").GetString());
        // What Orleans' dashboard draws is not repeated here.
        Assert.False(overview.TryGetProperty("grid", out _));
        Assert.False(overview.TryGetProperty("process", out _));
    }

    [Fact]
    public async Task The_silo_history_returns_only_samples_after_the_time_given()
    {
        var all = await GetJsonAsync("/silo/api/history");
        var times = all.GetProperty("time").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToArray();
        Assert.True(times.Length >= 2, "the sampler keeps a history");
        Assert.Equal(times.Length, all.GetProperty("series").GetProperty("offers_sent").GetArrayLength());

        var since = times[^2];
        var newer = await GetJsonAsync($"/silo/api/history?after={Uri.EscapeDataString(since.ToString("O"))}");
        var newerTimes = newer.GetProperty("time").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToArray();
        Assert.NotEmpty(newerTimes);
        Assert.All(newerTimes, t => Assert.True(t > since));
        Assert.Contains(times[^1], newerTimes);
    }
}
