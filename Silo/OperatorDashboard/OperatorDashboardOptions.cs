using Microsoft.Extensions.Options;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>The operator dashboard's sampling (configuration section <c>OperatorDashboard</c>).</summary>
public sealed class OperatorDashboardOptions
{
    public const string SectionName = "OperatorDashboard";

    public static readonly TimeSpan MinSampleInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxSampleInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxHistoryLength = TimeSpan.FromHours(2);

    /// <summary>How often the silo's figures are sampled (the history's resolution).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far back the history reaches; older samples are dropped.</summary>
    public TimeSpan HistoryLength { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Samples kept: the history length over the interval.</summary>
    public int Capacity => (int)Math.Ceiling(HistoryLength / SampleInterval);
}

/// <summary>Refuses settings that would sample too often, too rarely, or keep an unbounded history.</summary>
internal sealed class OperatorDashboardOptionsValidator : IValidateOptions<OperatorDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorDashboardOptions options)
    {
        var section = OperatorDashboardOptions.SectionName;
        if (options.SampleInterval < OperatorDashboardOptions.MinSampleInterval || options.SampleInterval > OperatorDashboardOptions.MaxSampleInterval)
        {
            return ValidateOptionsResult.Fail(
                $"{section}:SampleInterval must be between {OperatorDashboardOptions.MinSampleInterval} and {OperatorDashboardOptions.MaxSampleInterval} (was {options.SampleInterval}).");
        }

        if (options.HistoryLength < options.SampleInterval || options.HistoryLength > OperatorDashboardOptions.MaxHistoryLength)
        {
            return ValidateOptionsResult.Fail(
                $"{section}:HistoryLength must be at least the sample interval and at most {OperatorDashboardOptions.MaxHistoryLength} (was {options.HistoryLength}).");
        }

        return ValidateOptionsResult.Success;
    }
}
