using System.Diagnostics;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Command;

/// <summary>
/// Runs the arms side by side, one process each, so that they use every core: each process hosts its arm's silo (on
/// ports of its own) and simulation. Each child is the evaluation command with <c>--arm NAME --arm-result FILE</c>
/// added; its result comes back through that file.
/// </summary>
public static class ArmProcesses
{
    public static async Task<IReadOnlyList<ArmResult>> RunAsync(IReadOnlyList<ArmKind> arms, IReadOnlyList<string> args, string outDirectory, ArmLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        ArgumentNullException.ThrowIfNull(launcher);
        var children = new List<(ArmKind Arm, Process Process, string ResultPath)>();
        try
        {
            foreach (var arm in arms)
            {
                var resultPath = ArmResultFile.PathFor(outDirectory, arm);
                Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
                File.Delete(resultPath);
                var start = launcher.StartInfo([.. args, "--arm", ReportName(arm), "--arm-result", resultPath]);
                children.Add((arm, Process.Start(start) ?? throw new InvalidOperationException($"The process for the {ReportName(arm)} arm did not start."), resultPath));
            }

            var results = new List<ArmResult>(children.Count);
            foreach (var (arm, process, resultPath) in children)
            {
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"The process for the {ReportName(arm)} arm failed with exit code {process.ExitCode}.");
                results.Add(await ArmResultFile.ReadAsync(resultPath));
            }

            return results;
        }
        finally
        {
            foreach (var (_, process, _) in children)
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    private static string ReportName(ArmKind arm) => arm.ToString().ToLowerInvariant();
}
