namespace SupplyGrid.Evaluation.Reports;

/// <summary>The files an evaluation writes to its output directory.</summary>
public static class EvaluationFiles
{
    public const string Json = "evaluation.json";
    public const string Markdown = "evaluation.md";
    public const string Svg = "evaluation.svg";
    public const string Timings = "timings.json";

    public static async Task WriteAsync(string directory, EvaluationReport report, TimingReport timing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(timing);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Json), ReportJson.Serialize(report) + "\n");
        await File.WriteAllTextAsync(Path.Combine(directory, Markdown), MarkdownReport.Write(report, timing));
        await File.WriteAllTextAsync(Path.Combine(directory, Svg), SvgChart.Write(report));
        await File.WriteAllTextAsync(Path.Combine(directory, Timings), ReportJson.Serialize(timing) + "\n");
    }
}
