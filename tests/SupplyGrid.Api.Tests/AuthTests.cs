using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    /// <summary>One endpoint per policy: reads, operator writes, dispatch.</summary>
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/heatmap/singapore" },
        { "GET", "/api/metrics" },
        { "GET", "/health/detailed" },
        { "POST", "/api/campaigns" },
        { "POST", "/api/process-event" },
        { "POST", "/api/odrd/rank" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Without_a_token_the_answer_is_401_problem_details_with_a_bearer_challenge(string method, string path)
    {
        using var response = await Host.Client().Send(new HttpMethod(method), path, new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        (await Wire.BodyOf(response)).IsProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401_invalid_token()
    {
        var forged = Sign(new SymmetricSecurityKey("another-key-of-sufficient-length-0123456789"u8.ToArray()), "supplygrid", "supplygrid-api",
            DateTime.UtcNow.AddHours(1));

        using var response = await WithToken(forged).GetAsync("/api/heatmap/singapore");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Expired_tokens_and_tokens_for_another_audience_are_refused()
    {
        var key = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(ApiHost.SigningKey));
        var expired = Sign(key, "supplygrid", "supplygrid-api", DateTime.UtcNow.AddMinutes(-5));
        var otherAudience = Sign(key, "supplygrid", "someone-else", DateTime.UtcNow.AddHours(1));
        var valid = Sign(key, "supplygrid", "supplygrid-api", DateTime.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(expired).GetAsync("/api/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(otherAudience).GetAsync("/api/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(valid).GetAsync("/api/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_token_reads_but_may_not_write_nor_rank()
    {
        var dashboard = Host.Dashboard();

        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/metrics")).StatusCode);
        using var write = await dashboard.PostAsync("/api/campaigns", Wire.Content(new { }));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        (await Wire.BodyOf(write)).IsProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.PostAsync("/api/odrd/rank", Wire.Content(new { }))).StatusCode);
    }

    [Fact]
    public async Task An_operator_token_also_reads_but_may_not_rank()
    {
        var op = Host.Operator();

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/heatmap/singapore")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync("/api/odrd/rank", Wire.Content(new { }))).StatusCode);
    }

    [Fact]
    public async Task A_dispatch_token_ranks_but_may_not_read_dashboards_or_write()
    {
        var dispatch = Host.Dispatch();

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatch.GetAsync("/api/heatmap/singapore")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatch.PostAsync("/api/send-message", Wire.Content(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatch.PostAsync("/api/odrd/rank", Wire.Content(new { }))).StatusCode);
    }

    [Fact]
    public async Task Liveness_and_the_OpenAPI_document_need_no_token()
    {
        var anonymous = Host.Client();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public void The_issuer_refuses_unknown_roles_and_absurd_lifetimes()
    {
        var issuer = (ApiTokenIssuer)Host.Services.GetService(typeof(ApiTokenIssuer))!;

        Assert.Throws<ArgumentException>(() => issuer.Issue("someone", ["admin"], TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => issuer.Issue("someone", [], TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => issuer.Issue("someone", [ApiRoles.Dashboard], TimeSpan.FromDays(365)));
        Assert.Throws<ArgumentException>(() => issuer.Issue(" ", [ApiRoles.Dashboard], TimeSpan.FromHours(1)));
    }

    [Fact]
    public void An_operator_token_carries_the_subject_and_role_the_API_checks()
    {
        var issuer = (ApiTokenIssuer)Host.Services.GetService(typeof(ApiTokenIssuer))!;

        var token = new JsonWebToken(issuer.IssueOperatorToken(TimeSpan.FromHours(8)));

        Assert.Equal("operator", token.Subject);
        Assert.Equal(["operator"], token.Claims.Where(c => c.Type == ApiRoles.ClaimType).Select(c => c.Value));
        Assert.InRange(token.ValidTo - DateTime.UtcNow, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8));
    }

    private HttpClient WithToken(string token)
    {
        var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Sign(SecurityKey key, string issuer, string audience, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = "tester", ["role"] = new[] { ApiRoles.Dashboard } },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
