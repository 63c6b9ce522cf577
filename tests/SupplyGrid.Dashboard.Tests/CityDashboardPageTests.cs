using System.Globalization;
using System.Text.RegularExpressions;
using SupplyGrid.Dashboard.Tests.Hosting;
using SupplyGrid.Grains;

namespace SupplyGrid.Dashboard.Tests;

/// <summary>The city dashboard in headless Chromium against a live silo.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class CityDashboardPageTests(DashboardFixture fixture)
{
    private DashboardSilo Silo => fixture.Silo;

    private string PageUrl => $"{Silo.BaseUrl}/dashboard/{DashboardSilo.City}#token={Silo.DashboardToken}";

    [Fact]
    public async Task Draws_a_hexagon_for_every_active_cell_and_a_live_change_without_reloading()
    {
        var probe = DashboardSilo.CellOf(CityScene.Probe);
        await using var page = await fixture.Browser.OpenAsync(PageUrl);
        await page.WaitUntilAsync("return document.body.dataset.ready === 'true'", "the first heatmap snapshot");

        var zones = (await Silo.Grains.GetGrain<ICityGrain>(DashboardSilo.City).GetHeatmap()).Zones.Select(z => z.H3).ToArray();
        Assert.NotEmpty(zones);
        await page.WaitUntilAsync(
            $"const drawn = new Set([...document.querySelectorAll('#map polygon.cell')].map(p => p.dataset.h3)); return {Json(zones)}.every(h => drawn.has(h));",
            $"a hexagon for each of the {zones.Length} active cells");
        var vertices = await page.EvaluateAsync<int>($"document.querySelector('#map polygon[data-h3=\"{probe}\"]').points.numberOfItems");
        Assert.Equal(6, vertices);

        await page.WaitUntilAsync(ProbeDriversAre(CityScene.ProbeDrivers), $"{CityScene.ProbeDrivers} drivers in the probe cell");
        await page.EvaluateAsync<bool>("window.sameDocument = true");
        var updatesBefore = await page.EvaluateAsync<int>("Number(document.querySelector('#map').dataset.updates)");

        for (var i = 0; i < 3; i++)
            await Silo.PingAsync($"drv-probe-live-{i}", CityScene.Probe);

        await page.WaitUntilAsync(ProbeDriversAre(CityScene.ProbeDrivers + 3), "the probe cell's new supply");
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"), "the page reloaded instead of updating in place");
        Assert.True(await page.EvaluateAsync<int>("Number(document.querySelector('#map').dataset.updates)") > updatesBefore);

        await page.Page.HoverAsync($"#map polygon[data-h3=\"{probe}\"]", new() { Force = true });
        await page.WaitUntilAsync("return !document.querySelector('#tooltip').hidden", "the cell's tooltip");
        var tooltip = await page.Page.InnerTextAsync("#tooltip");
        Assert.Contains(probe, tooltip);
        Assert.Matches(@"drivers here\s+" + (CityScene.ProbeDrivers + 3), tooltip);
        Assert.Empty(page.Problems);

        string ProbeDriversAre(int count) => $"return document.querySelector('#map polygon[data-h3=\"{probe}\"]')?.dataset.drivers === '{count}'";
    }

    [Fact]
    public async Task Shows_kpi_tiles_hotspots_campaigns_and_mdt_messages_and_switches_colour_scale()
    {
        var campaign = await Silo.Grains.GetGrain<ICampaignGrain>("quest-cbd-morning").Create(new CampaignDefinition
        {
            CityId = DashboardSilo.City,
            Kind = CampaignKind.Quest,
            Name = "CBD morning quest",
            Budget = 2_000m,
            StartsAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            EndsAt = DateTimeOffset.UtcNow.AddHours(3),
            TargetCells = [DashboardSilo.CellOf(new(1.2840, 103.8515))],
            Quest = new QuestTerms(5, 15m),
        });
        var broadcast = await Silo.Grains.GetGrain<IDriverGrain>("drv-tampines-0").SendBroadcast("RAIN AT TAMPINES:\nDRIVE SAFELY");

        await using var page = await fixture.Browser.OpenAsync(PageUrl);
        await page.WaitUntilAsync("return document.body.dataset.ready === 'true'", "the first heatmap snapshot");

        await page.WaitUntilAsync("return document.querySelectorAll('#tiles .tile').length === 8", "the KPI tiles");
        var supply = await page.Page.InnerTextAsync("[data-tile=supply] .value");
        Assert.True(int.Parse(supply, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0, $"supply tile shows '{supply}'");
        Assert.Matches(Number(), await page.Page.InnerTextAsync("[data-tile=demand] .value"));
        Assert.Matches(Number(), await page.Page.InnerTextAsync("[data-tile=ratio] .value"));
        Assert.Matches(Number(), await page.Page.InnerTextAsync("[data-tile=cells] .value"));
        Assert.StartsWith("SGD", await page.Page.InnerTextAsync("[data-tile=spend] .value"));

        await page.WaitUntilAsync("return document.querySelectorAll('#hotspots tr[data-h3]').length > 0", "a hotspot (the CBD is short of drivers)");
        await page.WaitUntilAsync($"return document.querySelector('#campaigns [data-campaign=\"{campaign.Id}\"]') !== null", "the quest campaign");
        // Intl's currency format puts a no-break space between the code and the amount.
        var shown = (await page.Page.InnerTextAsync($"#campaigns [data-campaign=\"{campaign.Id}\"]")).Replace('\u00a0', ' ');
        Assert.Contains("of SGD 2,000", shown);
        await page.WaitUntilAsync($"return [...document.querySelectorAll('#mdt li pre')].some(p => p.textContent === {Json(broadcast.Text)})", "the broadcast in the MDT feed");

        var ratioFills = await Fills(page);
        await page.Page.ClickAsync("#colour-mode button[data-mode=surge]");
        await page.WaitUntilAsync("return document.querySelector('#legend').dataset.mode === 'surge'", "the surge legend");
        Assert.NotEqual(ratioFills, await Fills(page));
        Assert.Empty(page.Problems);

        await page.Page.ClickAsync("#colour-mode button[data-mode=ratio]");
        await page.PublishScreenshotAsync("city-dashboard.png");
    }

    [Fact]
    public async Task Asks_for_a_token_when_the_api_refuses_the_page()
    {
        await using var page = await fixture.Browser.OpenAsync($"{Silo.BaseUrl}/dashboard/{DashboardSilo.City}");
        await page.WaitUntilAsync("return document.querySelector('dialog.login')?.open === true", "the sign-in box");
        Assert.Equal("401", await page.EvaluateAsync<string>("document.querySelector('dialog.login').dataset.status"));
    }

    private static Task<string> Fills(Browser.DashboardPage page) =>
        page.EvaluateAsync<string>("[...document.querySelectorAll('#map polygon.cell')].map(p => p.getAttribute('fill')).join(';')");

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^[\d,]+(\.\d+)?$")]
    private static partial Regex Number();
}
