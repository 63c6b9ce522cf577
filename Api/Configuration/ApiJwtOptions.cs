using System.Text;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>How bearer tokens are signed and checked (configuration section <see cref="SectionName"/>).</summary>
public sealed class ApiJwtOptions
{
    public const string SectionName = "Api:Jwt";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The shared HS256 secret, as text (its UTF-8 bytes are the key). Required; at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "supplygrid";

    public string Audience { get; set; } = "supplygrid-api";

    /// <summary>Tolerated clock difference between the token's issuer and this silo.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    internal byte[] SigningKeyBytes() => Encoding.UTF8.GetBytes(SigningKey ?? string.Empty);
}

/// <summary>Fails the host's start with a message naming the setting.</summary>
internal sealed class ApiJwtOptionsValidator : IValidateOptions<ApiJwtOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiJwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{ApiJwtOptions.SectionName}:SigningKey is missing: set it (for example with the environment variable Api__Jwt__SigningKey) " +
                $"to a random secret of at least {ApiJwtOptions.MinSigningKeyBytes} bytes.");
        }
        else if (options.SigningKeyBytes().Length < ApiJwtOptions.MinSigningKeyBytes)
        {
            failures.Add($"{ApiJwtOptions.SectionName}:SigningKey is {options.SigningKeyBytes().Length} bytes long; HS256 needs at least " +
                $"{ApiJwtOptions.MinSigningKeyBytes} bytes (256 bits).");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
            failures.Add($"{ApiJwtOptions.SectionName}:Issuer must not be empty.");
        if (string.IsNullOrWhiteSpace(options.Audience))
            failures.Add($"{ApiJwtOptions.SectionName}:Audience must not be empty.");
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
            failures.Add($"{ApiJwtOptions.SectionName}:ClockSkew must be between 0 and 10 minutes (was {options.ClockSkew}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
