using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Problems;

namespace SupplyGrid.Api.Security;

/// <summary>
/// Configures the JwtBearer handler from <see cref="ApiJwtOptions"/>: HS256 only, issuer, audience, lifetime and the
/// "role" claim; 401 and 403 answered with problem details. Browsers' EventSource cannot send headers, so the live
/// stream also accepts the token in the access_token query parameter; the Orleans dashboard's page cannot either, so
/// requests under its path also accept the token in <see cref="OrleansDashboardCookie"/>, and a browser opening it
/// without a valid one is sent to the login page.
/// </summary>
internal sealed class ApiJwtSetup(IOptions<ApiJwtOptions> jwt) : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string QueryTokenParameter = "access_token";

    public static SymmetricSecurityKey SigningKey(ApiJwtOptions options) => new(options.SigningKeyBytes());

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
            return;
        var settings = jwt.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CachedTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = SigningKey(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = "sub",
            RoleClaimType = ApiRoles.ClaimType,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (ApiRoutes.IsHeatmapStream(context.Request.Path)
                    && context.Request.Query.TryGetValue(QueryTokenParameter, out var token) && token.Count == 1)
                {
                    context.Token = token[0];
                }
                else if (OrleansDashboardCookie.TokenOf(context.Request) is { } cookie)
                {
                    context.Token = cookie;
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                if (OrleansDashboardCookie.ShouldRedirectToLogin(context.Request))
                {
                    context.Response.Redirect(context.Request.PathBase + OrleansDashboardCookie.LoginPath);
                    return;
                }

                var invalid = context.AuthenticateFailure is not null;
                context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
                await ApiProblems.Status(StatusCodes.Status401Unauthorized, invalid
                    ? "The bearer token is invalid, expired, or not issued for this API."
                    : "This endpoint needs a bearer token (Authorization: Bearer <token>).").ExecuteAsync(context.HttpContext);
            },
            OnForbidden = context => ApiProblems.Status(StatusCodes.Status403Forbidden,
                "The bearer token is valid but lacks the role this endpoint needs.").ExecuteAsync(context.HttpContext),
        };
    }
}
