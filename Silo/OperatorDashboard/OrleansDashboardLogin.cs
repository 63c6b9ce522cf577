using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Api.Security;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// How a browser gets into Orleans' dashboard, which sits behind the operator role. Its page and data calls cannot
/// carry a bearer header, so the operator's token goes into <see cref="OrleansDashboardCookie"/>:
/// <list type="number">
/// <item>GET <c>/orleans-login#token=...</c> serves a page that takes the token from the URL fragment (which never
/// reaches a server or a log), or asks for it;</item>
/// <item>it POSTs to <c>/orleans-login</c> with the token as its bearer header; the JwtBearer handler validates it and
/// the operator policy checks the role (401 or 403 otherwise), and the answer sets the cookie;</item>
/// <item>the page goes on to <c>/orleans/</c>, and the browser sends the cookie with every dashboard request.</item>
/// </list>
/// </summary>
internal static class OrleansDashboardLogin
{
    public const string PageFile = "orleans-login.html";

    public static void Map(IEndpointRouteBuilder endpoints, EmbeddedAssets assets)
    {
        endpoints.MapGet(OrleansDashboardCookie.LoginPath, (HttpContext context) => assets.Serve(context, PageFile)).ExcludeFromDescription();
        endpoints.MapPost(OrleansDashboardCookie.LoginPath, SignIn)
            .RequireAuthorization(DashboardAuthorization.OperatorPolicy)
            .ExcludeFromDescription();
    }

    /// <summary>Reached only with a valid operator token in the Authorization header (the policy saw to it).</summary>
    private static IResult SignIn(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers[HeaderNames.Authorization], out var header)
            || !"Bearer".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter))
        {
            // Authenticated some other way (no such way exists today): there is no token to put in the cookie.
            return Results.Problem("Sign in with the operator token as \"Authorization: Bearer <token>\".", statusCode: StatusCodes.Status400BadRequest);
        }

        OrleansDashboardCookie.Append(context, header.Parameter);
        return Results.NoContent();
    }
}
