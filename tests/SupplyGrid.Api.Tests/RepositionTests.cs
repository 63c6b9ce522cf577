using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RepositionTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    private InMemoryMdtOutbox Outbox => (InMemoryMdtOutbox)Host.Services.GetRequiredService<IMdtOutbox>();

    [Fact]
    public async Task A_plan_is_shown_without_sending_and_sent_to_the_driver_grains_when_asked()
    {
        // With the pool paused every offer is refused by the campaign, so what the drivers answered shows the offers
        // reached them. The cell's own first plan (at its first tick) is refused too, which makes it wait several
        // ticks before planning again; by then the donors have released the drivers it held.
        var op = Host.Operator();
        await op.PostJsonAsync("/api/campaigns/singapore-reposition/pause", new { });
        try
        {
            var deficit = Places.Cell(Places.Clementi);
            var donors = await Host.PlaceDriversAsync("plan-clementi", Places.Neighbour(deficit), 20);
            for (var i = 0; i < 8; i++)
                await Host.BookAsync($"plan-clementi-booking-{i}", Places.Centre(deficit));
            await Host.AdvanceAsync(TimeSpan.FromSeconds(12));
            var messagesBefore = donors.Sum(d => Outbox.For(d).Count);

            var (status, plan) = await op.PostJsonAsync("/api/suggest-reposition", new { cell = deficit.ToString() });

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(deficit.ToString(), plan.Str("cell"));
            Assert.False(plan.GetProperty("sent").GetBoolean());
            Assert.True(plan.GetProperty("drivers_needed").GetInt32() > 0);
            var moves = plan.GetProperty("moves").EnumerateArray().ToArray();
            Assert.NotEmpty(moves);
            Assert.All(moves, m => Assert.Contains(m.Str("driver_id"), donors));
            Assert.All(moves, m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("decision").ValueKind));

            var centre = Places.Centre(deficit);
            var (sentStatus, sent) = await op.PostJsonAsync("/api/suggest-reposition", new { lat = centre.Lat, lng = centre.Lng, send = true });

            Assert.Equal(HttpStatusCode.OK, sentStatus);
            Assert.Equal(deficit.ToString(), sent.Str("cell"));
            Assert.True(sent.GetProperty("sent").GetBoolean());
            Assert.All(sent.GetProperty("moves").EnumerateArray(),
                m => Assert.Equal("campaign_not_active", m.GetProperty("decision").Str("refusal")));
            Assert.Equal(messagesBefore, donors.Sum(d => Outbox.For(d).Count));
        }
        finally
        {
            await op.PostJsonAsync("/api/campaigns/singapore-reposition/resume", new { });
        }
    }

    public static TheoryData<object, string> BadPlans => new()
    {
        { new { }, "cell" },
        { new { cell = "xyz" }, "cell" },
        { new { cell = Places.Cell(Places.KualaLumpur).ToString() }, "cell" },
        { new { cell = Places.Cell(Places.Novena).ToString(), lat = 1.3, lng = 103.8 }, "cell" },
        { new { lat = 1.3 }, "lng" },
        { new { lat = Places.KualaLumpur.Lat, lng = Places.KualaLumpur.Lng }, "lat" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_request_is_400_naming_the_field(object request, string field)
    {
        var (status, body) = await Host.Operator().PostJsonAsync("/api/suggest-reposition", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }
}
