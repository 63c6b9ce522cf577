using SupplyGrid.Dashboard.Tests.Hosting;
using SupplyGrid.Geo;
using SupplyGrid.Grains;

namespace SupplyGrid.Dashboard.Tests;

/// <summary>The silo page in headless Chromium against a live silo with Kafka streams.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SiloDashboardPageTests(DashboardFixture fixture)
{
    private static readonly string[] s_charts = ["kafka-rate", "kafka-lag", "offers"];

    private DashboardSilo Silo => fixture.Silo;

    [Fact]
    public async Task Draws_the_kafka_stream_layer_and_the_offer_funnel_with_charts_that_grow()
    {
        // An operator's move offer that the driver accepts: the funnel shows a sent and an accepted offer whatever the
        // grid has planned by itself so far.
        const string driver = "drv-funnel";
        await Silo.PingAsync(driver, new LatLng(1.3200, 103.7000));
        var grain = Silo.Grains.GetGrain<IDriverGrain>(driver);
        var decision = await grain.OfferMove(DashboardSilo.CellOf(new LatLng(1.3300, 103.7100)), campaignId: null, fixedAmount: 5m);
        Assert.True(decision.Offered, $"the move offer was refused: {decision.Refusal}");
        Assert.Equal(OfferState.Accepted, (await grain.Reply(decision.OfferId, accept: true, "dashboard test"))?.State);

        var records = Enumerable.Range(0, 40)
            .Select(i => ($"drv-kafka-{i}", DashboardSilo.PingJson($"drv-kafka-{i}", new(1.3331 + (i * 0.0004), 103.7420))))
            .Append(("drv-kafka-bad", "{\"event_id\": \"broken"u8.ToArray()));
        await Silo.ProduceAsync(records);

        await using var page = await fixture.Browser.OpenAsync($"{Silo.BaseUrl}/silo#token={Silo.DashboardToken}");
        await page.WaitUntilAsync("return document.body.dataset.refreshed !== undefined", "a refresh");
        Assert.Equal(s_charts, await page.EvaluateAsync<string[]>("[...document.querySelectorAll('figure[data-chart]')].map(f => f.dataset.chart)"));
        foreach (var chart in s_charts)
            await page.WaitUntilAsync($"return Number(document.querySelector('figure[data-chart=\"{chart}\"] svg').dataset.points) >= 2", $"the {chart} chart");

        await page.WaitUntilAsync("return document.querySelectorAll('#kafka-partitions td[data-partition^=\"ngp.me.vehiclecomm.driver_event/\"]').length === 3", "the driver_event topic's 3 partitions");
        await page.WaitUntilAsync(
            "return Number(document.querySelector('#dead-letters tr[data-reason=malformed_json] td.num')?.textContent) >= 1",
            "the malformed record among the dead letters");
        await page.WaitUntilAsync(
            "return Number(document.querySelector('#kafka-topics tr[data-topic=\"ngp.me.vehiclecomm.driver_event\"] td.num')?.textContent.replaceAll(',', '')) >= 41",
            "the consumed topic with the 41 records produced");

        await page.WaitUntilAsync($"return {Stage("sent")} >= 1 && {Stage("accepted")} >= 1", "the operator's accepted offer in the funnel");
        Assert.Matches(@"^\d+(\.\d)?%$", await page.Page.InnerTextAsync("[data-tile=acceptance] .value"));
        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('header a[href=\"/orleans/\"]').length"));

        var before = await Points(page);
        var updated = await page.EvaluateAsync<string>("document.querySelector('figure[data-chart=offers] svg').dataset.updated");
        await page.WaitUntilAsync($"return document.querySelector('figure[data-chart=offers] svg').dataset.updated !== '{updated}'", "a newer sample");
        Assert.True(await Points(page) > before, "the charts did not gain samples");
        Assert.Empty(page.Problems);
        await page.PublishScreenshotAsync("silo-dashboard.png");
    }

    /// <summary>A JavaScript expression: the offers the funnel table shows at <paramref name="stage"/>.</summary>
    private static string Stage(string stage) =>
        $"Number(document.querySelector('#offer-funnel tr[data-stage={stage}] td.num')?.textContent.replaceAll(',', ''))";

    private static Task<int> Points(Browser.DashboardPage page) =>
        page.EvaluateAsync<int>("Number(document.querySelector('figure[data-chart=offers] svg').dataset.points)");
}
