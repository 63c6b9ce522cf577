using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>The heatmap cache and the live stream (configuration section <see cref="SectionName"/>).</summary>
public sealed class HeatmapOptions
{
    public const string SectionName = "Api:Heatmap";

    /// <summary>
    /// A cached heatmap is refreshed from the city grain when the city publishes a change or when it is older than
    /// this; until the refresh lands, readers get the cached one.
    /// </summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A comment line is sent on an idle stream this often, so proxies keep it open.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Changes held per stream for a slow reader; beyond it the reader gets a fresh snapshot instead.</summary>
    public int StreamBuffer { get; set; } = 32;

    /// <summary>Open streams per silo; more get 503.</summary>
    public int MaxStreams { get; set; } = 1000;
}

internal sealed class HeatmapOptionsValidator : IValidateOptions<HeatmapOptions>
{
    public ValidateOptionsResult Validate(string? name, HeatmapOptions options)
    {
        var failures = new List<string>();
        if (options.CacheMaxAge <= TimeSpan.Zero || options.CacheMaxAge > TimeSpan.FromMinutes(5))
            failures.Add($"{HeatmapOptions.SectionName}:CacheMaxAge must be longer than zero and at most 5 minutes (was {options.CacheMaxAge}).");
        if (options.StreamHeartbeat < TimeSpan.FromSeconds(1) || options.StreamHeartbeat > TimeSpan.FromMinutes(10))
            failures.Add($"{HeatmapOptions.SectionName}:StreamHeartbeat must be 1 second to 10 minutes (was {options.StreamHeartbeat}).");
        if (options.StreamBuffer is < 1 or > 10_000)
            failures.Add($"{HeatmapOptions.SectionName}:StreamBuffer must be 1 to 10000 (was {options.StreamBuffer}).");
        if (options.MaxStreams is < 1 or > 1_000_000)
            failures.Add($"{HeatmapOptions.SectionName}:MaxStreams must be 1 to 1000000 (was {options.MaxStreams}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
