using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;

namespace SupplyGrid.Api.Security;

/// <summary>
/// The cookie that lets a browser use the Orleans dashboard. Its page and its data calls are plain same-origin
/// requests that cannot carry an Authorization header, so the operator's bearer token travels in this cookie instead:
/// set by the login endpoint after the token validated, sent by the browser only to <see cref="Path"/> and below,
/// and read by the JwtBearer handler there (<see cref="ApiJwtSetup"/>) when no Authorization header is present. The
/// token is validated on every request as a header token is, so the cookie grants nothing the token does not.
/// </summary>
public static class OrleansDashboardCookie
{
    /// <summary>Where the Orleans dashboard is mapped; the cookie is scoped to this path.</summary>
    public const string Path = "/orleans";

    /// <summary>The silo's login page for the Orleans dashboard (outside <see cref="Path"/>, so the cookie never reaches it).</summary>
    public const string LoginPath = "/orleans-login";

    public const string Name = "supplygrid_orleans";

    /// <summary>True for requests the cookie is sent with: <see cref="Path"/> itself and everything below it.</summary>
    public static bool Covers(PathString path) => path.StartsWithSegments(Path, StringComparison.Ordinal);

    /// <summary>
    /// Sets the cookie to <paramref name="token"/> (a token the caller has just validated): HttpOnly, so page scripts
    /// cannot read it; SameSite=Strict, so no other site's page can make the browser send it; Secure on HTTPS; scoped
    /// to <see cref="Path"/>; expiring with the token.
    /// </summary>
    public static void Append(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(token);
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Expires = new DateTimeOffset(new JsonWebToken(token).ValidTo, TimeSpan.Zero),
        });
        // The answer carries a credential: no cache may keep it.
        context.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The token of the cookie, for a request under <see cref="Path"/> that has no Authorization header.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Covers(request.Path) || request.Headers.ContainsKey(HeaderNames.Authorization))
            return null;
        return request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrEmpty(token) ? token : null;
    }

    /// <summary>
    /// True when a refused request under <see cref="Path"/> is a browser opening a page (it accepts HTML): it is sent
    /// to the login page rather than shown a 401 body. The dashboard's own data calls ask for JSON and get the 401.
    /// </summary>
    public static bool ShouldRedirectToLogin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Covers(request.Path)
            && HttpMethods.IsGet(request.Method)
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
