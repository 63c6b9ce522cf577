using System.Net;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Geo;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CampaignTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    private object Quest(string id, decimal budget = 500m) => new
    {
        id,
        city_id = "singapore",
        kind = "quest",
        name = "Five trips in Novena",
        budget,
        starts_at = Host.Now.AddHours(-1),
        ends_at = Host.Now.AddHours(5),
        target_cells = new[] { Places.Cell(Places.Novena).ToString() },
        quest = new { required_trips = 5, reward = 25m },
    };

    [Fact]
    public async Task A_created_campaign_can_be_read_listed_and_measured()
    {
        using var created = await Host.Operator().PostAsync("/api/campaigns", Wire.Content(Quest("quest-novena")));
        var body = await Wire.BodyOf(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/campaigns/quest-novena", created.Headers.Location!.OriginalString);
        Assert.Equal("quest", body.GetProperty("definition").Str("kind"));
        Assert.Equal("active", body.Str("status"));
        Assert.Equal(500m, body.GetProperty("remaining").GetDecimal());

        var (getStatus, read) = await Host.Dashboard().ReadAsync("/api/campaigns/quest-novena");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal("Five trips in Novena", read.GetProperty("definition").Str("name"));

        // The campaign tells its city one-way: listed once the grid is quiet.
        await Host.QuietAsync();
        var (_, list) = await Host.Dashboard().ReadAsync("/api/campaigns?city=singapore");
        Assert.Contains(list.GetProperty("campaigns").EnumerateArray(), c => c.Str("id") == "quest-novena");

        var (metricsStatus, metrics) = await Host.Dashboard().ReadAsync("/api/campaigns/quest-novena/metrics");
        Assert.Equal(HttpStatusCode.OK, metricsStatus);
        Assert.Equal(500m, metrics.GetProperty("budget").GetDecimal());
        Assert.Equal(0m, metrics.GetProperty("spent").GetDecimal());
    }

    [Fact]
    public async Task Creating_again_is_harmless_and_a_different_definition_under_the_same_id_is_409()
    {
        await Host.Operator().PostJsonAsync("/api/campaigns", Quest("quest-again"));

        var (same, _) = await Host.Operator().PostJsonAsync("/api/campaigns", Quest("quest-again"));
        var (different, body) = await Host.Operator().PostJsonAsync("/api/campaigns", Quest("quest-again", budget: 900m));

        Assert.Equal(HttpStatusCode.OK, same);
        Assert.Equal(HttpStatusCode.Conflict, different);
        body.IsProblem(HttpStatusCode.Conflict);
        var (_, kept) = await Host.Dashboard().ReadAsync("/api/campaigns/quest-again");
        Assert.Equal(500m, kept.GetProperty("definition").GetProperty("budget").GetDecimal());
    }

    [Fact]
    public async Task A_campaign_without_an_id_gets_one()
    {
        var quest = Quest(null!);

        var (status, body) = await Host.Operator().PostJsonAsync("/api/campaigns", quest);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("cmp-", body.Str("id"));
    }

    [Fact]
    public async Task Pause_resume_and_cancel_move_the_status_and_cancel_is_final()
    {
        await Host.Operator().PostJsonAsync("/api/campaigns", Quest("quest-control"));
        var op = Host.Operator();

        Assert.Equal("paused", (await op.PostJsonAsync("/api/campaigns/quest-control/pause", new { })).Body.Str("status"));
        Assert.Equal("active", (await op.PostJsonAsync("/api/campaigns/quest-control/resume", new { })).Body.Str("status"));
        Assert.Equal("cancelled", (await op.PostJsonAsync("/api/campaigns/quest-control/cancel", new { })).Body.Str("status"));
        var (again, body) = await op.PostJsonAsync("/api/campaigns/quest-control/resume", new { });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("cancelled", body.Str("detail"));
    }

    [Theory]
    [InlineData("GET", "/api/campaigns/no-such-campaign")]
    [InlineData("GET", "/api/campaigns/no-such-campaign/metrics")]
    [InlineData("POST", "/api/campaigns/no-such-campaign/pause")]
    [InlineData("POST", "/api/campaigns/no-such-campaign/cancel")]
    public async Task An_unknown_campaign_is_404(string method, string path)
    {
        using var response = await Host.Operator().Send(new HttpMethod(method), path, method == "POST" ? new { } : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_event_campaign_takes_its_lead_time_as_an_ISO_8601_duration()
    {
        var (status, body) = await Host.Operator().PostJsonAsync("/api/campaigns", new
        {
            id = "event-stadium",
            city_id = "singapore",
            kind = "event",
            name = "Concert at the National Stadium",
            budget = 2000m,
            starts_at = Host.Now.AddHours(3),
            ends_at = Host.Now.AddHours(6),
            @event = new { venue = new { lat = 1.3040, lng = 103.8746 }, radius_km = 1.5, expected_demand = 40, preposition_lead = "PT1H", surge_multiplier = 1.5 },
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("scheduled", body.Str("status"));
        Assert.Equal("PT1H", body.GetProperty("definition").GetProperty("event").Str("preposition_lead"));
    }

    public static TheoryData<string, object, string> BadFields => new()
    {
        { "budget", -5m, "budget" },
        { "budget", 12.345m, "budget" },
        { "name", "", "name" },
        { "kind", "lottery", "kind" },
        { "starts_at", "2026-11-23T01:00:00", "starts_at" },
        { "ends_at", "2020-01-01T00:00:00Z", "ends_at" },
        { "target_cells", new[] { "zz" }, "target_cells[0]" },
        { "target_cells", new[] { Places.Cell(Places.Novena).ToString(), H3.LatLngToCell(Places.Novena, 9).ToString() }, "target_cells[1]" },
        { "target_cells", new[] { Places.Cell(Places.KualaLumpur).ToString() }, "target_cells[0]" },
        { "quest", null!, "quest" },
        { "event", new { radius_km = 1 }, "event" },
        { "per_driver_daily_cap", 0m, "per_driver_daily_cap" },
        { "budgett", 10m, "budgett" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_campaign_field_is_400_naming_it_and_creates_nothing(string field, object value, string expected)
    {
        var request = QuestFields($"bad-{expected.Replace('[', '-').Replace(']', '-')}-{Guid.NewGuid():N}");
        request[field] = value;

        var (status, body) = await Host.Operator().PostJsonAsync("/api/campaigns", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.ErrorFields());
        var (read, _) = await Host.Dashboard().ReadAsync($"/api/campaigns/{request["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, read);
    }

    [Fact]
    public async Task A_campaign_for_an_unknown_city_is_404()
    {
        var request = QuestFields("quest-atlantis");
        request["city_id"] = "atlantis";

        var (status, _) = await Host.Operator().PostJsonAsync("/api/campaigns", request);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_list_of_an_unknown_city_is_404()
    {
        var (status, _) = await Host.Dashboard().ReadAsync("/api/campaigns?city=atlantis");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private Dictionary<string, object> QuestFields(string id) => new()
    {
        ["id"] = id,
        ["city_id"] = "singapore",
        ["kind"] = "quest",
        ["name"] = "Quest",
        ["budget"] = 100m,
        ["starts_at"] = Host.Now,
        ["ends_at"] = Host.Now.AddHours(2),
        ["target_cells"] = new[] { Places.Cell(Places.Novena).ToString() },
        ["quest"] = new { required_trips = 3, reward = 10m },
    };
}
