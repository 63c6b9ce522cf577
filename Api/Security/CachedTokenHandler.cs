using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace SupplyGrid.Api.Security;

/// <summary>
/// Remembers tokens that validated, so a dashboard polling with the same token is not parsed and HMAC-checked on
/// every request (that was a large share of a heatmap read's cost). A hit is used until the token expires, and at most
/// <see cref="MaxAge"/>; only valid tokens are remembered, and each hit hands out its own copy of the identity. The
/// validation parameters are the API's fixed ones, so a token that validated once validates again until it expires.
/// </summary>
internal sealed class CachedTokenHandler(TokenHandler inner, TimeProvider clock) : TokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Bounds memory; when reached the cache starts over (minting many valid tokens needs the signing key).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var hit))
        {
            if (now < hit.UseUntil)
                return Copy(hit.Result);
            _valid.TryRemove(new KeyValuePair<string, Entry>(token, hit));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid || result.SecurityToken is null || result.ClaimsIdentity is null)
            return result;
        if (_valid.Count >= MaxEntries)
            _valid.Clear();
        var expires = result.SecurityToken.ValidTo;
        _valid[token] = new Entry(result, expires < now + MaxAge ? expires : now + MaxAge);
        return Copy(result);
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private static TokenValidationResult Copy(TokenValidationResult valid) => new()
    {
        IsValid = true,
        ClaimsIdentity = valid.ClaimsIdentity.Clone(),
        SecurityToken = valid.SecurityToken,
        Issuer = valid.Issuer,
        TokenType = valid.TokenType,
    };

    private sealed record Entry(TokenValidationResult Result, DateTime UseUntil);
}
