using System.Net;
using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;
using SupplyGrid.Api.Security;
using SupplyGrid.Dashboard.Tests.Hosting;

namespace SupplyGrid.Dashboard.Tests.Http;

/// <summary>Orleans' dashboard at /orleans/ behind the operator role: by bearer header, and by the login's cookie.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrleansDashboardAccessTests(DashboardFixture fixture) : IDisposable
{
    private const string Page = OrleansDashboardCookie.Path + "/";
    private const string Data = OrleansDashboardCookie.Path + "/DashboardCounters";

    // No redirects followed and no cookie jar: every request carries exactly what the test gives it.
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(fixture.Silo.BaseUrl) };

    private DashboardSilo Silo => fixture.Silo;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_operator_token_opens_the_page_and_its_data()
    {
        using var page = await SendAsync(HttpMethod.Get, Page, bearer: Silo.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());

        using var data = await SendAsync(HttpMethod.Get, Data, bearer: Silo.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Contains("totalActivationCount", await data.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Page)]
    [InlineData(Data)]
    [InlineData(OrleansDashboardCookie.Path + "/index.min.js")]
    public async Task Without_credentials_the_dashboard_answers_401(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_without_credentials_is_sent_to_the_login_page()
    {
        using var response = await SendAsync(HttpMethod.Get, Page, accept: "text/html,application/xhtml+xml");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OrleansDashboardCookie.LoginPath, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_dashboard_role_token_is_forbidden_as_header_and_cannot_sign_in()
    {
        using var page = await SendAsync(HttpMethod.Get, Page, bearer: Silo.DashboardToken);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        using var login = await SendAsync(HttpMethod.Post, OrleansDashboardCookie.LoginPath, bearer: Silo.DashboardToken);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.False(login.Headers.Contains(HeaderNames.SetCookie));

        using var anonymous = await SendAsync(HttpMethod.Post, OrleansDashboardCookie.LoginPath);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(anonymous.Headers.Contains(HeaderNames.SetCookie));
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_scoped_to_the_dashboard_that_opens_it_and_nothing_else()
    {
        using var login = await SendAsync(HttpMethod.Post, OrleansDashboardCookie.LoginPath, bearer: Silo.OperatorToken);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var setCookie = SetCookieHeaderValue.Parse(Assert.Single(login.Headers.GetValues(HeaderNames.SetCookie)));
        Assert.Equal(OrleansDashboardCookie.Name, setCookie.Name.Value);
        Assert.Equal(Silo.OperatorToken, setCookie.Value.Value);
        Assert.True(setCookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, setCookie.SameSite);
        Assert.Equal(OrleansDashboardCookie.Path, setCookie.Path.Value);
        Assert.InRange(setCookie.Expires!.Value, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        var cookie = $"{OrleansDashboardCookie.Name}={setCookie.Value}";

        using var page = await SendAsync(HttpMethod.Get, Page, cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var data = await SendAsync(HttpMethod.Get, Data, cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);

        // The cookie is read under /orleans only: the API and the silo page still want a bearer header.
        using var silo = await SendAsync(HttpMethod.Get, "/silo/api/overview", cookie: cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, silo.StatusCode);
        using var api = await SendAsync(HttpMethod.Get, $"/api/metrics?city={DashboardSilo.City}", cookie: cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_validated_like_a_header_token()
    {
        using var forged = await SendAsync(HttpMethod.Get, Data, cookie: $"{OrleansDashboardCookie.Name}={Silo.OperatorToken[..^4]}AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var reader = await SendAsync(HttpMethod.Get, Data, cookie: $"{OrleansDashboardCookie.Name}={Silo.DashboardToken}");
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null, string? cookie = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (cookie is not null)
            request.Headers.Add(HeaderNames.Cookie, cookie);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation(HeaderNames.Accept, accept);
        return await _http.SendAsync(request);
    }
}
