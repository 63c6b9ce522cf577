using System.Diagnostics;
using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Evaluation.Reports;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Command;

/// <summary>
/// The evaluation program's command: runs the observing and the repositioning arm (and the naive one with --naive) on
/// the same demand, drivers and seed, and writes DIR/evaluation.json, evaluation.md, evaluation.svg, timings.json and
/// the arms' raw results in DIR/arms/.
/// </summary>
public static class EvaluationCommand
{
    /// <summary>Runs the command given by <paramref name="args"/>; per-arm processes start this program again.</summary>
    /// <returns>0 on success, 2 for unusable arguments, 1 when the run failed.</returns>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, null);

    /// <summary>Runs the command, starting the per-arm processes with <paramref name="launcher"/> (null: this program again).</summary>
    public static async Task<int> RunAsync(string[] args, ArmLauncher? launcher)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["--help"] or ["-h"])
        {
            await Console.Out.WriteLineAsync(EvaluationArguments.Usage);
            return 0;
        }

        EvaluationOptions options;
        EvaluationScenario scenario;
        try
        {
            options = EvaluationArguments.Parse(args);
            scenario = ScenarioFactory.Create(options);
            CheckGridSettings(scenario);
        }
        catch (EvaluationArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"evaluation: {ex.Message}");
            await Console.Error.WriteLineAsync(EvaluationArguments.Usage);
            return 2;
        }

        try
        {
            if (options.Arm is { } single)
            {
                var run = await EvaluationRunner.RunAsync(scenario, [single], Progress);
                await ArmResultFile.WriteAsync(options.ArmResult!, run.Arms[0]);
                return 0;
            }

            var started = Stopwatch.GetTimestamp();
            var arms = Arms(options.Naive);
            var results = options.InProcess
                ? (await EvaluationRunner.RunAsync(scenario, arms, Progress)).Arms
                : await ArmProcesses.RunAsync(arms, args, options.Out, launcher ?? ArmLauncher.ThisProgram());
            var report = await WriteAsync(scenario, results, Stopwatch.GetElapsedTime(started), options.Out);
            foreach (var arm in report.Arms)
            {
                await Console.Out.WriteLineAsync($"{arm.Name}: served {arm.ServedPct:0.0}% of {arm.Bookings:N0}, mean pickup {arm.MeanPickupKm:0.000} km / " +
                    $"{arm.MeanPickupMin:0.00} min, offers {arm.Offers:N0}, spend {arm.Spend:N2}");
            }

            await Console.Out.WriteLineAsync($"wrote {Path.Combine(options.Out, EvaluationFiles.Json)} and the rest to {options.Out}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"evaluation: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Runs the arms one after another in this process and writes the reports; returns the report.</summary>
    public static async Task<EvaluationReport> RunAsync(EvaluationScenario scenario, bool naive, string outDirectory, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        var run = await EvaluationRunner.RunAsync(scenario, Arms(naive), progress);
        return await WriteAsync(scenario, run.Arms, run.WallTime, outDirectory);
    }

    private static void CheckGridSettings(EvaluationScenario scenario)
    {
        try
        {
            ArmSilo.CheckConfiguration(scenario);
        }
        catch (ArgumentException ex)
        {
            throw new EvaluationArgumentException($"the grid refuses its configuration: {ex.Message}");
        }
    }

    private static ArmKind[] Arms(bool naive) => naive ? [ArmKind.Observe, ArmKind.Reposition, ArmKind.Naive] : [ArmKind.Observe, ArmKind.Reposition];

    private static async Task<EvaluationReport> WriteAsync(EvaluationScenario scenario, IReadOnlyList<ArmResult> results, TimeSpan wallTime, string outDirectory)
    {
        var report = ReportBuilder.Build(scenario, results);
        await EvaluationFiles.WriteAsync(outDirectory, report, TimingReport.From(results, wallTime));
        foreach (var result in results)
            await ArmResultFile.WriteAsync(ArmResultFile.PathFor(outDirectory, result.Arm), result);
        return report;
    }

    private static void Progress(string message) => Console.Out.WriteLine(message);
}
