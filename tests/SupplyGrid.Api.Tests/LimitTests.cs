using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

/// <summary>A silo of its own with tight limits, so that hitting them disturbs no other test; its tests share it, each with a client of its own.</summary>
public sealed class LimitTests(LimitTests.TightLimits fixture) : IClassFixture<LimitTests.TightLimits>
{
    private const int Burst = 4;
    private const int MaxBody = 1024;

    private ApiHost Host => fixture.Host;

    public sealed class TightLimits : IAsyncLifetime
    {
        public ApiHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Api:RateLimit:PermitsPerSecond"] = "1",
                ["Api:RateLimit:Burst"] = Burst.ToString(),
                ["Api:Limits:MaxRequestBodyBytes"] = MaxBody.ToString(),
                ["Api:Heatmap:MaxStreams"] = "1",
            },
            services => services.AddHealthChecks().AddCheck("kafka", () => HealthCheckResult.Unhealthy("no broker answers")));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task A_client_beyond_its_bucket_gets_429_with_retry_after_while_others_go_on()
    {
        var greedy = ClientFor("greedy");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < Burst + 3 && rejected is null; i++)
        {
            var response = await greedy.GetAsync("/api/metrics");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                rejected = response;
        }

        Assert.NotNull(rejected);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= Burst, "the burst is served");
        Assert.True(rejected.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        (await Wire.BodyOf(rejected)).IsProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor("patient").GetAsync("/api/metrics")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address()
    {
        var anonymous = Host.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 3; i++)
            statuses.Add((await anonymous.GetAsync("/api/cities")).StatusCode);

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_declared_or_not()
    {
        var client = ClientFor("large-bodies");
        var text = new string('x', MaxBody + 100);

        using var declared = await client.PostAsync("/api/send-message", Wire.Content(new { driver_id = "d1", text }));
        using var chunkedContent = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"driver_id\":\"d1\",\"text\":\"{text}\"}}")));
        chunkedContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/send-message") { Content = chunkedContent };
        request.Headers.TransferEncodingChunked = true;
        using var chunked = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        (await Wire.BodyOf(declared)).IsProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        using var response = await ClientFor("plain-text").PostAsync("/api/send-message", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        (await Wire.BodyOf(response)).IsProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Streams_beyond_the_maximum_are_503()
    {
        await using var first = await SseReader.OpenAsync(ClientFor("stream-one"), "/api/heatmap/singapore/stream");
        await first.NextAsync(TimeSpan.FromSeconds(10));

        using var second = await ClientFor("stream-two").GetAsync("/api/heatmap/singapore/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
    }

    [Fact]
    public async Task Detailed_health_is_503_naming_the_unhealthy_component()
    {
        var (status, body) = await ClientFor("health").ReadAsync("/health/detailed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.Str("status"));
        Assert.Equal("unhealthy", body.GetProperty("components").GetProperty("kafka").Str("status"));
        Assert.Equal("healthy", body.GetProperty("components").GetProperty("grid").Str("status"));
    }

    /// <summary>Each test has its own token subject, so its own bucket.</summary>
    private HttpClient ClientFor(string subject)
    {
        var client = Host.Client();
        var token = Host.Services.GetRequiredService<ApiTokenIssuer>().Issue(subject, [ApiRoles.Operator], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
