using System.Net;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Geo;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OdrdTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Candidates_are_ranked_best_first_and_unknown_ones_listed_apart()
    {
        var pickup = Places.Centre(Places.Cell(Places.Bishan));
        var near = (await Host.PlaceDriversAsync("odrd-near", Places.Cell(pickup), 1))[0];
        var far = (await Host.PlaceDriversAsync("odrd-far", H3.GridDisk(Places.Cell(pickup), 3).Max(), 1))[0];

        var (status, body) = await Host.Dispatch().PostJsonAsync("/api/odrd/rank", new
        {
            pickup = new { lat = pickup.Lat, lng = pickup.Lng },
            driver_ids = new[] { far, "odrd-ghost", near },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var ranked = body.GetProperty("ranked").EnumerateArray().ToArray();
        Assert.Equal([near, far], ranked.Select(r => r.Str("driver_id")));
        Assert.All(ranked, r => Assert.InRange(r.Num("score"), 0, 1));
        Assert.True(ranked[0].Num("eta_minutes") < ranked[1].Num("eta_minutes"));
        var unranked = Assert.Single(body.GetProperty("unranked").EnumerateArray());
        Assert.Equal("odrd-ghost", unranked.Str("driver_id"));
    }

    public static TheoryData<object, string[]> BadRankings => new()
    {
        { new { driver_ids = new[] { "a" } }, ["pickup"] },
        { new { pickup = new { lat = 95, lng = 103.8 }, driver_ids = new[] { "a" } }, ["pickup.lat"] },
        { new { pickup = new { lat = 1.3 }, driver_ids = new[] { "a" } }, ["pickup.lng"] },
        { new { pickup = new { lat = Places.KualaLumpur.Lat, lng = Places.KualaLumpur.Lng }, driver_ids = new[] { "a" } }, ["pickup"] },
        { new { pickup = new { lat = 1.3, lng = 103.8 } }, ["driver_ids"] },
        { new { pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = Array.Empty<string>() }, ["driver_ids"] },
        { new { pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = Enumerable.Range(0, 201).Select(i => $"d{i}").ToArray() }, ["driver_ids"] },
        { new { pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = new[] { "a", "b", "a" } }, ["driver_ids[2]"] },
        { new { pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = new[] { "a", "" } }, ["driver_ids[1]"] },
        { new { city = "Singapore!", pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = new[] { "a" } }, ["city"] },
    };

    [Theory]
    [MemberData(nameof(BadRankings))]
    public async Task A_bad_ranking_request_is_400_naming_the_field(object request, string[] fields)
    {
        var (status, body) = await Host.Dispatch().PostJsonAsync("/api/odrd/rank", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(fields, body.ErrorFields());
    }

    [Fact]
    public async Task Naming_a_city_that_is_not_configured_is_404()
    {
        var (status, _) = await Host.Dispatch().PostJsonAsync("/api/odrd/rank",
            new { city = "atlantis", pickup = new { lat = 1.3, lng = 103.8 }, driver_ids = new[] { "a" } });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
