using System.Net;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Geo;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DriverTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Suggestions_point_a_driver_to_a_nearby_deficit_cell_with_the_amount_it_would_pay()
    {
        var deficit = Places.Cell(Places.JurongEast);
        var driver = (await Host.PlaceDriversAsync("suggest-jurong", Places.Neighbour(deficit), 1))[0];
        for (var i = 0; i < 12; i++)
            await Host.BookAsync($"suggest-jurong-booking-{i}", Places.Centre(deficit));
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));

        var (status, body) = await Host.Dashboard().ReadAsync($"/api/suggestions/{driver}?max=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(driver, body.Str("driver_id"));
        var suggestion = body.GetProperty("suggestions").EnumerateArray().Single(s => s.Str("target_cell") == deficit.ToString());
        Assert.InRange(suggestion.GetProperty("estimated_amount").GetDecimal(), 5m, 20m);
        Assert.Equal("SGD", suggestion.Str("currency"));
        Assert.True(suggestion.Num("distance_km") > 0);
    }

    [Fact]
    public async Task A_driver_the_grid_has_never_seen_is_404_on_every_driver_read()
    {
        foreach (var path in new[] { "/api/suggestions/ghost-1", "/api/incentives/ghost-1", "/api/shift-advice/ghost-1" })
        {
            var (status, body) = await Host.Dashboard().ReadAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("ghost-1", body.Str("detail"));
        }
    }

    [Theory]
    [InlineData("/api/suggestions/d1?max=0", "max")]
    [InlineData("/api/suggestions/d1?max=21", "max")]
    [InlineData("/api/shift-advice/d1?days=8", "days")]
    [InlineData("/api/shift-advice/d1?days=two", "days")]
    [InlineData("/api/incentives/%20", "driver_id")]
    public async Task Bad_driver_read_parameters_are_400_naming_them(string path, string field)
    {
        var (status, body) = await Host.Dashboard().ReadAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }

    [Fact]
    public async Task A_driver_id_longer_than_the_grid_allows_is_400()
    {
        var (status, body) = await Host.Dashboard().ReadAsync("/api/incentives/" + new string('d', 65));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["driver_id"], body.ErrorFields());
    }

    [Fact]
    public async Task Incentives_show_the_day_the_cap_and_the_offers()
    {
        var driver = (await Host.PlaceDriversAsync("incentives-punggol", Places.Cell(Places.Punggol), 1))[0];

        var (status, body) = await Host.Dashboard().ReadAsync($"/api/incentives/{driver}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SGD", body.Str("currency"));
        Assert.Equal(100m, body.GetProperty("daily_cap").GetDecimal());
        Assert.Equal(body.GetProperty("daily_cap").GetDecimal(), body.GetProperty("remaining_today").GetDecimal());
        Assert.Empty(body.GetProperty("offers").EnumerateArray());
    }

    [Fact]
    public async Task Shift_advice_is_for_the_driver_s_usual_cells()
    {
        var cell = Places.Cell(Places.Sengkang);
        var driver = (await Host.PlaceDriversAsync("advice-sengkang", cell, 1))[0];

        var (status, body) = await Host.Dashboard().ReadAsync($"/api/shift-advice/{driver}?days=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([cell.ToString()], body.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("SGD", body.Str("currency"));
    }

    [Fact]
    public async Task Calculating_an_incentive_prices_the_move_without_reserving_anything()
    {
        var target = Places.Cell(Places.Yishun);
        var driver = (await Host.PlaceDriversAsync("calc-yishun", Places.Neighbour(target), 1))[0];
        var before = await PoolRemainingAsync();

        var (status, body) = await Host.Dashboard().PostJsonAsync("/api/incentives/calculate", new { driver_id = driver, target_cell = target.ToString() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(target.ToString(), body.Str("target_cell"));
        Assert.Equal("singapore-reposition", body.Str("campaign_id"));
        Assert.InRange(body.GetProperty("quote").GetProperty("amount").GetDecimal(), 5m, 20m);
        Assert.InRange(body.Num("distance_km"), 0.5, 2);
        Assert.Equal(before, await PoolRemainingAsync());
    }

    public static TheoryData<object, string[]> BadCalculations => new()
    {
        { new { }, ["driver_id", "target_cell"] },
        { new { driver_id = "d1", target_cell = "zzz" }, ["target_cell"] },
        { new { driver_id = "d1", target_cell = H3.LatLngToCell(Places.Novena, 9).ToString() }, ["target_cell"] },
        { new { driver_id = "d1", target_cell = Places.Cell(Places.KualaLumpur).ToString() }, ["target_cell"] },
        { new { driver_id = "", target_cell = Places.Cell(Places.Novena).ToString() }, ["driver_id"] },
        { new Dictionary<string, object> { ["driverId"] = "d1" }, ["driverId"] },
    };

    [Theory]
    [MemberData(nameof(BadCalculations))]
    public async Task A_bad_calculation_request_is_400_naming_each_field(object request, string[] fields)
    {
        var (status, body) = await Host.Dashboard().PostJsonAsync("/api/incentives/calculate", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(fields.Order(), body.ErrorFields().Order());
    }

    [Fact]
    public async Task Calculating_for_an_unknown_driver_is_404()
    {
        var (status, _) = await Host.Dashboard().PostJsonAsync("/api/incentives/calculate",
            new { driver_id = "ghost-2", target_cell = Places.Cell(Places.Novena).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_driver_accepts_an_offer_and_the_offer_moves_on()
    {
        var target = Places.Cell(Places.Serangoon);
        var driver = (await Host.PlaceDriversAsync("accept-serangoon", Places.Neighbour(target), 1))[0];
        var offerId = await OfferAsync(driver, target);

        var (status, body) = await Host.Operator().PostJsonAsync("/api/accept", new { driver_id = driver, offer_id = offerId });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("accepted", body.Str("state"));
        var (_, incentives) = await Host.Dashboard().ReadAsync($"/api/incentives/{driver}");
        Assert.Equal("accepted", incentives.GetProperty("offers")[0].Str("state"));
    }

    [Fact]
    public async Task A_driver_may_decline_with_a_reason()
    {
        var target = Places.Cell(Places.PayaLebar);
        var driver = (await Host.PlaceDriversAsync("decline-payalebar", Places.Neighbour(target), 1))[0];
        var offerId = await OfferAsync(driver, target);

        var (status, body) = await Host.Operator().PostJsonAsync("/api/accept",
            new { driver_id = driver, offer_id = offerId, decision = "decline", reason = "too_far" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("declined", body.Str("state"));
        Assert.Contains("too_far", body.GetProperty("transitions").EnumerateArray().Last().Str("reason"));
    }

    [Fact]
    public async Task Accepting_an_offer_the_driver_does_not_have_is_404_and_changes_nothing()
    {
        var driver = (await Host.PlaceDriversAsync("accept-none", Places.Cell(Places.ToaPayoh), 1))[0];

        var (status, body) = await Host.Operator().PostJsonAsync("/api/accept", new { driver_id = driver, offer_id = "no-such-offer" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-offer", body.Str("detail"));
        var (_, incentives) = await Host.Dashboard().ReadAsync($"/api/incentives/{driver}");
        Assert.Empty(incentives.GetProperty("offers").EnumerateArray());
    }

    public static TheoryData<object, string[]> BadReplies => new()
    {
        { new { offer_id = "o1" }, ["driver_id"] },
        { new { driver_id = "d1" }, ["offer_id"] },
        { new { driver_id = "d1", offer_id = "o1", decision = "maybe" }, ["decision"] },
        { new { driver_id = "d1", offer_id = "o1", reason = "line\u0007bell" }, ["reason"] },
        { new { driver_id = "d1", offer_id = "o1", reason = new string('r', 201) }, ["reason"] },
    };

    [Theory]
    [MemberData(nameof(BadReplies))]
    public async Task A_bad_reply_is_400_naming_the_field(object request, string[] fields)
    {
        var (status, body) = await Host.Operator().PostJsonAsync("/api/accept", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(fields, body.ErrorFields());
    }

    private async Task<string> OfferAsync(string driver, H3Index target)
    {
        var (status, offer) = await Host.Operator().PostJsonAsync("/api/send-reposition", new { driver_id = driver, target_cell = target.ToString() });
        Assert.Equal(HttpStatusCode.OK, status);
        return offer.Str("offer_id");
    }

    private async Task<decimal> PoolRemainingAsync()
    {
        var (_, pool) = await Host.Dashboard().ReadAsync("/api/campaigns/singapore-reposition");
        return pool.GetProperty("remaining").GetDecimal();
    }
}
