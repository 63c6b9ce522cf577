using Microsoft.Playwright;
using SupplyGrid.Api.Security;
using SupplyGrid.Dashboard.Tests.Hosting;

namespace SupplyGrid.Dashboard.Tests;

/// <summary>Orleans' dashboard in headless Chromium, reached the way an operator reaches it: through the login page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrleansDashboardPageTests(DashboardFixture fixture)
{
    // Drawn only after the dashboard's first data call (/orleans/DashboardCounters) succeeded; a failed call fills the
    // error box. (textContent: the tile titles are upper-cased by CSS, which innerText would apply.)
    private const string OverviewDrawn =
        "return location.pathname === '/orleans/' && document.body.textContent.includes('Total Activations') " +
        "&& document.querySelector('#error-message-content').textContent.trim() === ''";

    private DashboardSilo Silo => fixture.Silo;

    [Fact]
    public async Task The_printed_link_signs_in_with_a_cookie_and_the_dashboard_draws_with_its_data()
    {
        await using var page = await fixture.Browser.OpenAsync($"{Silo.BaseUrl}{OrleansDashboardCookie.LoginPath}#token={Silo.OperatorToken}");

        // The login page may have moved on before this line runs: the wait polls the page, whichever document it holds.
        await page.WaitUntilAsync(OverviewDrawn, "the Orleans dashboard's overview with its counters");
        Assert.Equal($"{Silo.BaseUrl}{OrleansDashboardCookie.Path}/", page.Page.Url);
        await page.WaitUntilAsync("return document.querySelectorAll('#menu a').length > 0", "the Orleans dashboard's menu");
        // A second data call (/orleans/TopGrainMethods), and the grid's own grains among the busiest.
        await page.WaitUntilAsync("return document.body.textContent.includes('req/sec') && document.body.textContent.includes('CellGrain')",
            "the cell grains among the methods with most calls");

        var cookie = Assert.Single(await page.Page.Context.CookiesAsync(), c => c.Name == OrleansDashboardCookie.Name);
        Assert.True(cookie.HttpOnly, "page scripts can read the token cookie");
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(OrleansDashboardCookie.Path, cookie.Path);
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "the cookie is a session cookie, not one that ends with the token");
        Assert.False(await page.EvaluateAsync<bool>("document.cookie.includes('" + OrleansDashboardCookie.Name + "')"));
        Assert.Empty(page.Problems);
        await page.PublishScreenshotAsync("orleans-dashboard.png");
    }

    [Fact]
    public async Task Without_a_cookie_the_dashboard_sends_the_browser_to_the_login_page_which_takes_a_pasted_token()
    {
        await using var page = await fixture.Browser.OpenAsync($"{Silo.BaseUrl}{OrleansDashboardCookie.Path}/");

        Assert.EndsWith(OrleansDashboardCookie.LoginPath, page.Page.Url);
        await page.WaitUntilAsync("return !document.querySelector('#token-form').hidden", "the token box");

        await page.Page.FillAsync("#token", Silo.DashboardToken);
        await page.Page.ClickAsync("#token-form button[type=submit]");
        await page.WaitUntilAsync("return document.querySelector('#message').textContent.includes('operator role')", "the refusal of a dashboard-role token");
        Assert.Empty(await page.Page.Context.CookiesAsync());

        await page.Page.FillAsync("#token", Silo.OperatorToken);
        await page.Page.ClickAsync("#token-form button[type=submit]");
        await page.WaitUntilAsync(OverviewDrawn, "the Orleans dashboard's overview with its counters");
    }
}
