using Microsoft.Extensions.Options;

namespace SupplyGrid.Api.Configuration;

/// <summary>Heatmap history queries and the in-memory store (configuration section <see cref="SectionName"/>).</summary>
public sealed class HeatmapHistoryOptions
{
    public const string SectionName = "Api:History";

    /// <summary>How far back the in-memory store keeps minutes (the PostgreSQL store keeps what its table holds).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The longest from..to range one query may ask for.</summary>
    public TimeSpan MaxRange { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Cells the in-memory store follows per city; further cells are not recorded.</summary>
    public int MaxCellsPerCity { get; set; } = 50_000;
}

internal sealed class HeatmapHistoryOptionsValidator : IValidateOptions<HeatmapHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HeatmapHistoryOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.FromMinutes(1) || options.Retention > TimeSpan.FromDays(2))
            failures.Add($"{HeatmapHistoryOptions.SectionName}:Retention must be 1 minute to 2 days (was {options.Retention}).");
        if (options.MaxRange < TimeSpan.FromMinutes(1) || options.MaxRange > TimeSpan.FromDays(31))
            failures.Add($"{HeatmapHistoryOptions.SectionName}:MaxRange must be 1 minute to 31 days (was {options.MaxRange}).");
        if (options.MaxCellsPerCity is < 1 or > 10_000_000)
            failures.Add($"{HeatmapHistoryOptions.SectionName}:MaxCellsPerCity must be 1 to 10000000 (was {options.MaxCellsPerCity}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
