using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyGrid.Api.Configuration;

namespace SupplyGrid.Api.Security;

/// <summary>
/// Issues HS256 bearer tokens the API accepts (the silo prints an operator token in the embedded default run only; the
/// silo's <c>issue-token</c> command, tools and tests mint tokens for any role). Token times follow the wall clock, not the grid's clock, because the token's reader
/// checks them against the wall clock.
/// </summary>
public sealed class ApiTokenIssuer
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private readonly ApiJwtOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new();

    public ApiTokenIssuer(IOptions<ApiJwtOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _credentials = new SigningCredentials(ApiJwtSetup.SigningKey(_options), SecurityAlgorithms.HmacSha256);
    }

    /// <summary>
    /// The issuer of the API configured by <paramref name="configuration"/> (section <c>Api:Jwt</c>), for tools that mint
    /// tokens without starting the host.
    /// </summary>
    /// <exception cref="OptionsValidationException">The settings are invalid (each failure names its setting).</exception>
    public static ApiTokenIssuer FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ApiJwtOptions.SectionName).Get<ApiJwtOptions>() ?? new ApiJwtOptions();
        var result = new ApiJwtOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(ApiJwtOptions.SectionName, typeof(ApiJwtOptions), result.Failures);
        return new ApiTokenIssuer(Options.Create(options));
    }

    /// <summary>A token for <paramref name="subject"/> with <paramref name="roles"/>, valid from now for <paramref name="lifetime"/>.</summary>
    /// <exception cref="ArgumentException">The subject is empty or too long, a role is unknown, or the lifetime is out of range.</exception>
    public string Issue(string subject, IReadOnlyCollection<string> roles, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(roles);
        if (subject.Length > 128)
            throw new ArgumentException("subject must be at most 128 characters.", nameof(subject));
        if (roles.Count == 0)
            throw new ArgumentException("At least one role is required.", nameof(roles));
        foreach (var role in roles)
        {
            if (!ApiRoles.All.Contains(role))
                throw new ArgumentException($"'{role}' is not a role; known: {string.Join(", ", ApiRoles.All)}.", nameof(roles));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"lifetime must be longer than zero and at most {MaxLifetime.TotalDays} days.");

        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
                [ApiRoles.ClaimType] = roles.ToArray(),
            },
            SigningCredentials = _credentials,
        });
    }

    /// <summary>An operator token (writes, campaign control and every read), for the default run's console.</summary>
    public string IssueOperatorToken(TimeSpan lifetime) => Issue(ApiRoles.Operator, [ApiRoles.Operator], lifetime);
}
