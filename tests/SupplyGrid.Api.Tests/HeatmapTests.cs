using System.Net;
using System.Text.Json;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class HeatmapTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task The_heatmap_lists_the_cells_the_grid_has_seen_with_their_figures()
    {
        var cell = Places.Cell(Places.Woodlands);
        await Host.PlaceDriversAsync("heatmap-woodlands", cell, 3);
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));

        // A read right after a change may still get the previous heatmap while the cache refreshes.
        var body = await Eventually.Value(async () =>
        {
            var (status, heatmap) = await Host.Dashboard().ReadAsync("/api/heatmap/singapore");
            Assert.Equal(HttpStatusCode.OK, status);
            return heatmap.GetProperty("zones").EnumerateArray().Any(z => z.Str("h3") == cell.ToString()) ? heatmap : (JsonElement?)null;
        }, "the new cell in the heatmap");

        Assert.Equal("singapore", body.Str("city_id"));
        var zone = body.GetProperty("zones").EnumerateArray().Single(z => z.Str("h3") == cell.ToString());
        Assert.Equal(3, zone.GetProperty("drivers").GetInt32());
        foreach (var field in new[] { "supply", "demand", "ratio", "surge", "expected_demand" })
            Assert.Equal(JsonValueKind.Number, zone.GetProperty(field).ValueKind);
        Assert.Contains(zone.Str("status"), new[] { "critical", "undersupplied", "balanced", "oversupplied" });
        Assert.Equal(JsonValueKind.Number, body.GetProperty("overall_ratio").ValueKind);
        Assert.EndsWith("Z", body.Str("updated_at"));
    }

    [Fact]
    public async Task A_client_holding_the_current_heatmap_gets_304_and_a_changed_heatmap_a_new_tag()
    {
        var client = Host.Dashboard();
        // The first read after other tests' changes may still be the previous heatmap; wait for the tag to settle.
        var tag = await Eventually.Value(async () =>
        {
            using var first = await client.GetAsync("/api/heatmap/singapore");
            using var second = await client.GetAsync("/api/heatmap/singapore");
            return Equals(first.Headers.ETag, second.Headers.ETag) ? second.Headers.ETag : null;
        }, "a settled heatmap");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/heatmap/singapore");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await Host.PlaceDriversAsync("heatmap-etag", Places.Cell(Places.Clementi), 2);
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));
        await Eventually.True(async () =>
        {
            using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/heatmap/singapore");
            changed.Headers.IfNoneMatch.Add(tag);
            using var response = await client.SendAsync(changed);
            return response.StatusCode == HttpStatusCode.OK && !Equals(response.Headers.ETag, tag);
        }, "a changed heatmap with a new tag");
    }

    [Fact]
    public async Task A_client_accepting_gzip_gets_the_same_heatmap_compressed_under_its_own_tag()
    {
        foreach (var place in new[] { Places.Punggol, Places.Sengkang, Places.PasirRis })
            await Host.PlaceDriversAsync("gzip-" + place.Lat, Places.Cell(place), 2);
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = Host.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Host.Token(SupplyGrid.Api.Security.ApiRoles.Dashboard));

        // Two reads may straddle a refresh of the cache; retry until both saw the same heatmap.
        var (plain, compressed) = await Eventually.Value(async () =>
        {
            using var plainResponse = await raw.GetAsync("/api/heatmap/singapore");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/heatmap/singapore");
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var gzipResponse = await raw.SendAsync(request);
            Assert.Equal("gzip", gzipResponse.Content.Headers.ContentEncoding.Single());
            Assert.Empty(plainResponse.Content.Headers.ContentEncoding);
            Assert.NotEqual(plainResponse.Headers.ETag, gzipResponse.Headers.ETag);
            var plainBytes = await plainResponse.Content.ReadAsByteArrayAsync();
            var gzipBytes = await gzipResponse.Content.ReadAsByteArrayAsync();
            return Inflate(gzipBytes).AsSpan().SequenceEqual(plainBytes) ? (plainBytes, gzipBytes) : ((byte[], byte[])?)null;
        }, "the same heatmap in both encodings");

        Assert.True(compressed.Length < plain.Length);
    }

    private static byte[] Inflate(byte[] gzip)
    {
        using var output = new MemoryStream();
        using (var inflate = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress))
            inflate.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public async Task An_unknown_city_is_404_and_a_malformed_one_400_naming_city()
    {
        var (unknown, unknownBody) = await Host.Dashboard().ReadAsync("/api/heatmap/atlantis");
        var (malformed, malformedBody) = await Host.Dashboard().ReadAsync("/api/heatmap/Not%20A%20City");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        unknownBody.IsProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(["city"], malformedBody.ErrorFields());
    }

    [Fact]
    public async Task Cities_describe_their_bounds_resolution_and_pool()
    {
        var (status, body) = await Host.Dashboard().ReadAsync("/api/cities");

        Assert.Equal(HttpStatusCode.OK, status);
        var city = body.EnumerateArray().Single();
        Assert.Equal("singapore", city.Str("id"));
        Assert.Equal(8, city.GetProperty("resolution").GetInt32());
        Assert.True(city.Num("south") < Places.RafflesPlace.Lat && Places.RafflesPlace.Lat < city.Num("north"));
        Assert.Equal("PT5S", city.Str("tick_interval"));
        Assert.Equal("singapore-reposition", city.Str("reposition_campaign_id"));
    }

    [Fact]
    public async Task Hotspots_are_the_deficit_cells_worst_first_and_near_a_point_when_asked()
    {
        var deficit = Places.Cell(Places.Bishan);
        for (var i = 0; i < 12; i++)
            await Host.BookAsync($"hotspot-bishan-{i}", Places.Centre(deficit));
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));

        var (status, body) = await Host.Dashboard().ReadAsync("/api/hotspots/singapore?top=50");
        Assert.Equal(HttpStatusCode.OK, status);
        var spots = body.EnumerateArray().ToArray();
        var spot = spots.Single(s => s.Str("h3") == deficit.ToString());
        Assert.Contains(spot.Str("status"), new[] { "critical", "undersupplied" });
        Assert.True(spot.GetProperty("drivers_needed").GetInt32() > 0);
        var ratios = spots.Select(s => s.Num("ratio")).ToArray();
        Assert.Equal(ratios.Order(), ratios);

        var centre = Places.Centre(deficit);
        var (nearStatus, near) = await Host.Dashboard().ReadAsync(FormattableString.Invariant(
            $"/api/hotspots/singapore?lat={centre.Lat}&lng={centre.Lng + 0.005}&radius_km=1.5"));
        Assert.Equal(HttpStatusCode.OK, nearStatus);
        var nearSpot = near.EnumerateArray().Single(s => s.Str("h3") == deficit.ToString());
        Assert.InRange(nearSpot.Num("distance_km"), 0.4, 0.7);
        Assert.DoesNotContain(near.EnumerateArray(), s => s.Num("distance_km") > 1.5);
    }

    [Theory]
    [InlineData("?top=0", "top")]
    [InlineData("?top=many", "top")]
    [InlineData("?lat=1.3&lng=103.8&radius_km=500", "radius_km")]
    [InlineData("?lat=95&lng=103.8", "lat")]
    [InlineData("?lat=1.3", "lng")]
    public async Task Bad_hotspot_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var (status, body) = await Host.Dashboard().ReadAsync("/api/hotspots/singapore" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }

    [Fact]
    public async Task Metrics_report_the_city_and_unknown_cities_are_404()
    {
        var (status, body) = await Host.Dashboard().ReadAsync("/api/metrics?city=singapore");
        var (missing, _) = await Host.Dashboard().ReadAsync("/api/metrics?city=atlantis");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("singapore", body.Str("city_id"));
        Assert.Equal("SGD", body.Str("currency"));
        foreach (var outcome in new[] { "sent", "accepted", "declined", "expired", "arrived", "failed" })
            Assert.True(body.GetProperty("offers").GetProperty(outcome).GetInt64() >= 0, outcome);
        Assert.True(body.TryGetProperty("acceptance_rate", out _));
        Assert.True(body.TryGetProperty("mean_response_seconds", out _));
        Assert.True(body.TryGetProperty("spent", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task History_has_the_city_minute_by_minute_and_a_cell_on_its_own()
    {
        var cell = Places.Cell(Places.Orchard);
        await Host.PlaceDriversAsync("history-orchard", cell, 4);
        await Host.AdvanceAsync(TimeSpan.FromSeconds(65));
        var from = Wire.Iso(Host.Now.AddMinutes(-2));
        var to = Wire.Iso(Host.Now.AddMinutes(1));

        var (cityStatus, city) = await Host.Dashboard().ReadAsync($"/api/heatmap/singapore/history?from={from}&to={to}");
        var (cellStatus, cellHistory) = await Host.Dashboard().ReadAsync($"/api/heatmap/singapore/history/{cell}?from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, cityStatus);
        var minutes = city.GetProperty("points").EnumerateArray().Select(p => DateTimeOffset.Parse(p.Str("minute"))).ToArray();
        Assert.True(minutes.Length >= 2, "a point for each minute with a publication");
        Assert.Equal(minutes.Order(), minutes);
        Assert.All(minutes, m => Assert.Equal(0, m.Second));
        Assert.Equal(HttpStatusCode.OK, cellStatus);
        Assert.Equal(cell.ToString(), cellHistory.Str("cell"));
        Assert.Contains(cellHistory.GetProperty("points").EnumerateArray(), p => p.GetProperty("drivers").GetInt32() == 4);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-11-23T01:00:00", "from")]
    [InlineData("?from=2026-11-23T02:00:00Z&to=2026-11-23T01:00:00Z", "from")]
    [InlineData("?from=2026-11-01T00:00:00Z&to=2026-11-23T00:00:00Z", "from")]
    [InlineData("?to=soon", "to")]
    public async Task A_bad_history_window_is_400_naming_the_parameter(string query, string field)
    {
        var (status, body) = await Host.Dashboard().ReadAsync("/api/heatmap/singapore/history" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }

    public static TheoryData<string> CellsNotOfTheCity => new()
    {
        "not-a-cell",
        SupplyGrid.Geo.H3.LatLngToCell(Places.Orchard, 9).ToString(),
        Places.Cell(Places.KualaLumpur).ToString(),
    };

    [Theory]
    [MemberData(nameof(CellsNotOfTheCity))]
    public async Task A_history_cell_must_be_a_resolution_8_cell_of_the_city(string cell)
    {
        var (status, body) = await Host.Dashboard().ReadAsync($"/api/heatmap/singapore/history/{cell}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["cell"], body.ErrorFields());
    }
}
