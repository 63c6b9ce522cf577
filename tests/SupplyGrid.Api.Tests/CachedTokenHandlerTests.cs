using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyGrid.Api.Security;
using Microsoft.Extensions.Time.Testing;

namespace SupplyGrid.Api.Tests;

public sealed class CachedTokenHandlerTests
{
    private static readonly SymmetricSecurityKey Key = new("cached-token-handler-test-key-0123456789abcdef"u8.ToArray());

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "supplygrid",
        ValidAudience = "supplygrid-api",
        IssuerSigningKey = Key,
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_valid_token_is_checked_once_until_its_cache_entry_ages_out_and_each_hit_gets_its_own_identity()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var inner = new CountingHandler();
        var handler = new CachedTokenHandler(inner, clock);
        var token = Sign(DateTime.UtcNow.AddHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);
        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, inner.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("tester", second.ClaimsIdentity.FindFirst("sub")?.Value);

        clock.Advance(CachedTokenHandler.MaxAge);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_cached_token_is_not_used_past_its_own_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var inner = new CountingHandler();
        var handler = new CachedTokenHandler(inner, clock);
        var token = Sign(DateTime.UtcNow.AddMinutes(1));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        clock.Advance(TimeSpan.FromMinutes(1));
        await handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task An_invalid_token_is_never_remembered()
    {
        var inner = new CountingHandler();
        var handler = new CachedTokenHandler(inner, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var forged = Sign(DateTime.UtcNow.AddHours(1), new SymmetricSecurityKey("another-key-of-sufficient-length-0123456789"u8.ToArray()));

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.Equal(2, inner.Calls);
    }

    private static string Sign(DateTime expires, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "supplygrid",
            Audience = "supplygrid-api",
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = "tester" },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _inner.ValidateTokenAsync(token, validationParameters);
        }
    }
}
