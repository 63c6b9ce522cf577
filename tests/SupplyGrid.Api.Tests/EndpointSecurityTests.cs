using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Security;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

/// <summary>Every endpoint the API maps, found in the host's routing table rather than listed by hand.</summary>
[Collection(ApiCollection.Name)]
public sealed class EndpointSecurityTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Every_api_endpoint_is_401_without_a_token_and_403_for_a_role_it_does_not_admit()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 24, $"found {endpoints.Count} endpoints");

        foreach (var (method, path, roles) in endpoints)
        {
            using var anonymous = await Host.Client().Send(new HttpMethod(method), path, method == "POST" ? new { } : null);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a token: {anonymous.StatusCode}");

            var outsider = ApiRoles.All.First(role => !roles.Contains(role));
            using var wrongRole = await Host.Client(outsider).Send(new HttpMethod(method), path, method == "POST" ? new { } : null);
            Assert.True(wrongRole.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as {outsider}: {wrongRole.StatusCode}");
        }
    }

    /// <summary>Method, a concrete path, and the roles admitted, of every /api endpoint.</summary>
    private List<(string Method, string Path, string[] Roles)> ApiEndpoints()
    {
        var policies = new Dictionary<string, string[]>
        {
            ["supplygrid.read"] = [ApiRoles.Dashboard, ApiRoles.Operator],
            ["supplygrid.operate"] = [ApiRoles.Operator],
            ["supplygrid.dispatch"] = [ApiRoles.Dispatch],
        };
        var found = new List<(string, string, string[])>();
        foreach (var endpoint in Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            var policy = Assert.Single(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy is not null).Policy!;
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single();
            var path = pattern.Replace("{city}", "singapore").Replace("{cell}", Places.Cell(Places.Novena).ToString())
                .Replace("{driverId}", "d1").Replace("{id}", "c1");
            found.Add((method, path, policies[policy]));
        }

        return found;
    }
}
