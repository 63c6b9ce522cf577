using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>The grid health check (configuration section <see cref="SectionName"/>).</summary>
public sealed class ApiHealthOptions
{
    public const string SectionName = "Api:Health";

    /// <summary>The grid is unhealthy when a city grain does not answer a query within this.</summary>
    public TimeSpan GridTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The grid is degraded when more records than this were handed to the grains and are unfinished (it is falling behind).</summary>
    public long DegradedPendingMessages { get; set; } = 100_000;
}

internal sealed class ApiHealthOptionsValidator : IValidateOptions<ApiHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiHealthOptions options)
    {
        var failures = new List<string>();
        if (options.GridTimeout <= TimeSpan.Zero || options.GridTimeout > TimeSpan.FromMinutes(1))
            failures.Add($"{ApiHealthOptions.SectionName}:GridTimeout must be longer than zero and at most 1 minute (was {options.GridTimeout}).");
        if (options.DegradedPendingMessages < 1)
            failures.Add($"{ApiHealthOptions.SectionName}:DegradedPendingMessages must be at least 1 (was {options.DegradedPendingMessages}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
