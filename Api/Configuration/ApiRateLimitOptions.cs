using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>
/// A token bucket per client (configuration section <see cref="SectionName"/>): the token's subject when the caller
/// is authenticated, otherwise the remote IP address. A request beyond the bucket gets 429 with Retry-After.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added to each client's bucket every second.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>The bucket's size: how many requests a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 100;
}

internal sealed class ApiRateLimitOptionsValidator : IValidateOptions<ApiRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitsPerSecond is < 1 or > 1_000_000)
            failures.Add($"{ApiRateLimitOptions.SectionName}:PermitsPerSecond must be 1 to 1000000 (was {options.PermitsPerSecond}).");
        if (options.Burst is < 1 or > 1_000_000)
            failures.Add($"{ApiRateLimitOptions.SectionName}:Burst must be 1 to 1000000 (was {options.Burst}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
