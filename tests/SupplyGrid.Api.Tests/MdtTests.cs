using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class MdtTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    private InMemoryMdtOutbox Outbox => (InMemoryMdtOutbox)Host.Services.GetRequiredService<IMdtOutbox>();

    [Fact]
    public async Task A_message_reaches_the_driver_s_terminal_wrapped_to_its_lines()
    {
        var driver = (await Host.PlaceDriversAsync("message-angmokio", Places.Cell(Places.AngMoKio), 1))[0];
        const string text = "Heavy rain expected in the north after six, plan your breaks";

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-message", new { driver_id = driver, text });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("broadcast", body.Str("type"));
        Assert.Equal("v-" + driver, body.Str("vehicle_id"));
        var sent = Assert.Single(Outbox.For(driver));
        Assert.Equal(body.Str("message_id"), sent.MessageId);
        Assert.All(sent.Text.Split('\n'), line => Assert.True(line.Length <= MdtTextRules.MaxLineLength));
    }

    public static TheoryData<object, string[]> BadMessages => new()
    {
        { new { driver_id = "d1" }, ["text"] },
        { new { driver_id = "d1", text = "   " }, ["text"] },
        { new { driver_id = "d1", text = new string('x', 129) }, ["text"] },
        { new { driver_id = "d1", text = "tab\there" }, ["text"] },
        { new { text = "hello" }, ["driver_id"] },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_bad_message_is_400_naming_the_field_and_sends_nothing(object request, string[] fields)
    {
        var before = Outbox.Sent;

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-message", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(fields, body.ErrorFields());
        Assert.Equal(before, Outbox.Sent);
    }

    [Fact]
    public async Task A_message_to_an_unknown_driver_is_404()
    {
        var (status, _) = await Host.Operator().PostJsonAsync("/api/send-message", new { driver_id = "ghost-3", text = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_reposition_offer_is_priced_reserved_sent_and_counted()
    {
        var target = Places.Cell(Places.PasirRis);
        var driver = (await Host.PlaceDriversAsync("reposition-pasirris", Places.Neighbour(target), 1))[0];
        var (_, metricsBefore) = await Host.Dashboard().ReadAsync("/api/metrics");

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-reposition", new { driver_id = driver, target_cell = target.ToString() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("offered").GetBoolean());
        Assert.Equal("none", body.Str("refusal"));
        Assert.InRange(body.GetProperty("amount").GetDecimal(), 5m, 20m);
        Assert.True(DateTimeOffset.Parse(body.Str("reply_by")) > Host.Now);
        var offer = Assert.Single(Outbox.For(driver), m => m.OfferId == body.Str("offer_id"));
        Assert.Equal(MdtMessageType.IncentiveOffer, offer.Type);
        Assert.Equal(target.ToString(), offer.Payload!.TargetCell);
        // The driver reports the offer to its city one-way: counted once the grid is quiet.
        await Host.QuietAsync();
        var (_, metricsAfter) = await Host.Dashboard().ReadAsync("/api/metrics");
        Assert.Equal(metricsBefore.GetProperty("offers").GetProperty("sent").GetInt64() + 1, metricsAfter.GetProperty("offers").GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task A_second_offer_while_one_is_live_is_409_with_the_refusal()
    {
        var target = Places.Cell(Places.HarbourFront);
        var driver = (await Host.PlaceDriversAsync("reposition-harbourfront", Places.Neighbour(target), 1))[0];
        await Host.Operator().PostJsonAsync("/api/send-reposition", new { driver_id = driver, target_cell = target.ToString() });

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-reposition", new { driver_id = driver, target_cell = target.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("has_live_offer", body.Str("refusal"));
    }

    [Fact]
    public async Task An_offer_funded_by_a_campaign_that_does_not_exist_is_refused()
    {
        var target = Places.Cell(Places.Geylang);
        var driver = (await Host.PlaceDriversAsync("reposition-geylang", Places.Neighbour(target), 1))[0];

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-reposition",
            new { driver_id = driver, target_cell = target.ToString(), campaign_id = "no-such-campaign" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("campaign_not_active", body.Str("refusal"));
        Assert.Empty(Outbox.For(driver));
    }

    [Fact]
    public async Task An_incentive_offer_pays_the_operator_s_fixed_amount()
    {
        var target = Places.Cell(Places.BukitTimah);
        var driver = (await Host.PlaceDriversAsync("incentive-bukittimah", Places.Neighbour(target), 1))[0];

        var (status, body) = await Host.Operator().PostJsonAsync("/api/send-incentive",
            new { driver_id = driver, target_cell = target.ToString(), amount = 17.5m });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(17.5m, body.GetProperty("amount").GetDecimal());
    }

    public static TheoryData<string, object, string[]> BadOffers => new()
    {
        { "/api/send-incentive", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString() }, ["amount"] },
        { "/api/send-incentive", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString(), amount = 12.345m }, ["amount"] },
        { "/api/send-incentive", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString(), amount = -3m }, ["amount"] },
        { "/api/send-incentive", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString(), amount = 5000m }, ["amount"] },
        { "/api/send-reposition", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString(), amount = 10m }, ["amount"] },
        { "/api/send-reposition", new { driver_id = "d1", target_cell = Places.Cell(Places.KualaLumpur).ToString() }, ["target_cell"] },
        { "/api/send-reposition", new { driver_id = "d1", target_cell = Places.Cell(Places.Novena).ToString(), campaign_id = "" }, ["campaign_id"] },
        { "/api/send-reposition", new { target_cell = "not-hex" }, ["driver_id", "target_cell"] },
    };

    [Theory]
    [MemberData(nameof(BadOffers))]
    public async Task A_bad_offer_is_400_naming_each_field(string path, object request, string[] fields)
    {
        var (status, body) = await Host.Operator().PostJsonAsync(path, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(fields.Order(), body.ErrorFields().Order());
    }

    [Fact]
    public async Task An_offer_to_an_unknown_driver_is_404_and_reserves_nothing()
    {
        var (_, poolBefore) = await Host.Dashboard().ReadAsync("/api/campaigns/singapore-reposition/metrics");

        var (status, _) = await Host.Operator().PostJsonAsync("/api/send-reposition",
            new { driver_id = "ghost-4", target_cell = Places.Cell(Places.Novena).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, status);
        var (_, poolAfter) = await Host.Dashboard().ReadAsync("/api/campaigns/singapore-reposition/metrics");
        Assert.Equal(poolBefore.GetProperty("reservations").GetInt32(), poolAfter.GetProperty("reservations").GetInt32());
    }
}
