using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>Request size and work limits (configuration section <see cref="SectionName"/>).</summary>
public sealed class ApiLimitOptions
{
    public const string SectionName = "Api:Limits";

    /// <summary>The largest JSON body of any write endpoint but campaign creation.</summary>
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>The largest campaign definition (a campaign may list up to 10,000 target cells).</summary>
    public int MaxCampaignBodyBytes { get; set; } = 512 * 1024;

    /// <summary>How long process-event waits for the grain to handle the event before answering 504.</summary>
    public TimeSpan ProcessEventTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most candidates one ODRD ranking may list.</summary>
    public int MaxOdrdCandidates { get; set; } = 200;
}

internal sealed class ApiLimitOptionsValidator : IValidateOptions<ApiLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiLimitOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
            failures.Add($"{ApiLimitOptions.SectionName}:MaxRequestBodyBytes must be 1024 to 16777216 (was {options.MaxRequestBodyBytes}).");
        if (options.MaxCampaignBodyBytes is < 1024 or > 16 * 1024 * 1024)
            failures.Add($"{ApiLimitOptions.SectionName}:MaxCampaignBodyBytes must be 1024 to 16777216 (was {options.MaxCampaignBodyBytes}).");
        if (options.ProcessEventTimeout <= TimeSpan.Zero || options.ProcessEventTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{ApiLimitOptions.SectionName}:ProcessEventTimeout must be longer than zero and at most 5 minutes (was {options.ProcessEventTimeout}).");
        if (options.MaxOdrdCandidates is < 1 or > 10_000)
            failures.Add($"{ApiLimitOptions.SectionName}:MaxOdrdCandidates must be 1 to 10000 (was {options.MaxOdrdCandidates}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
