using SupplyGrid.Dashboard.Tests.Hosting;

namespace SupplyGrid.Dashboard.Tests;

/// <summary>The silo dashboard in headless Chromium against a live silo with Kafka streams.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SiloDashboardPageTests(DashboardFixture fixture)
{
    private static readonly string[] s_charts = ["calls", "activations", "mailboxes", "cpu", "memory", "gc", "threadpool", "kafka-rate", "kafka-lag"];

    private DashboardSilo Silo => fixture.Silo;

    [Fact]
    public async Task Draws_charts_that_grow_tiles_tables_and_the_kafka_stream_layer()
    {
        var records = Enumerable.Range(0, 40)
            .Select(i => ($"drv-kafka-{i}", DashboardSilo.PingJson($"drv-kafka-{i}", new(1.3331 + (i * 0.0004), 103.7420))))
            .Append(("drv-kafka-bad", "{\"event_id\": \"broken"u8.ToArray()));
        await Silo.ProduceAsync(records);

        await using var page = await fixture.Browser.OpenAsync($"{Silo.BaseUrl}/silo#token={Silo.DashboardToken}");
        await page.WaitUntilAsync("return document.body.dataset.refreshed !== undefined", "a refresh");

        foreach (var chart in s_charts)
            await page.WaitUntilAsync($"return Number(document.querySelector('figure[data-chart=\"{chart}\"] svg').dataset.points) >= 2", $"the {chart} chart");
        await page.WaitUntilAsync("return document.querySelectorAll('figure[data-chart=activations] polyline.series').length >= 4", "a line per grain type");

        var activations = await page.Page.InnerTextAsync("[data-tile=activations] .value");
        Assert.True(double.TryParse(activations.TrimEnd('k'), out var count) && count > 0, $"activations tile shows '{activations}'");
        await page.WaitUntilAsync("return [...document.querySelectorAll('#grain-types td')].some(td => td.textContent === 'driver')", "the driver grains' row");
        await page.WaitUntilAsync("return document.querySelectorAll('#methods tbody tr').length > 0", "the top methods");

        await page.WaitUntilAsync("return document.querySelectorAll('#kafka-partitions td[data-partition]').length === 3", "the driver_event topic's 3 partitions");
        await page.WaitUntilAsync(
            "return [...document.querySelectorAll('#dead-letters tr')].some(tr => tr.cells[0].textContent === 'malformed json' && Number(tr.cells[1].textContent) >= 1)",
            "the malformed record among the dead letters");
        await page.WaitUntilAsync("return [...document.querySelectorAll('#kafka-topics td')].some(td => td.textContent === 'ngp.me.vehiclecomm.driver_event')", "the consumed topic");

        var before = await Points(page);
        var updated = await page.EvaluateAsync<string>("document.querySelector('figure[data-chart=calls] svg').dataset.updated");
        await page.WaitUntilAsync($"return document.querySelector('figure[data-chart=calls] svg').dataset.updated !== '{updated}'", "a newer sample");
        Assert.True(await Points(page) > before, "the charts did not gain samples");

        await page.Page.ClickAsync("#method-order button[data-order=p99]");
        Assert.Equal("true", await page.Page.GetAttributeAsync("#method-order button[data-order=p99]", "aria-pressed"));
        Assert.Empty(page.Problems);
        await page.PublishScreenshotAsync("silo-dashboard.png");
    }

    private static Task<int> Points(Browser.DashboardPage page) =>
        page.EvaluateAsync<int>("Number(document.querySelector('figure[data-chart=calls] svg').dataset.points)");
}
