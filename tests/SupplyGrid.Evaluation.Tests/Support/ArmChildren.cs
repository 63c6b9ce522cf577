using SupplyGrid.Evaluation.Command;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>Runs arms and the evaluate command in processes of their own (see <see cref="Program"/>).</summary>
internal static class ArmChildren
{
    public static ArmLauncher Launcher { get; } = ArmLauncher.ForAssembly(typeof(Program).Assembly.Location);

    /// <summary>Runs each arm of a named small scenario in its own process, side by side.</summary>
    public static async Task<IReadOnlyList<ArmResult>> RunAsync(string scenario, params ArmKind[] arms)
    {
        var directory = Directory.CreateTempSubdirectory("evaluation-arm-").FullName;
        try
        {
            var processes = arms.Select(arm =>
            {
                var file = ArmResultFile.PathFor(directory, arm);
                return (File: file, Process: System.Diagnostics.Process.Start(Launcher.StartInfo(["test-arm", scenario, arm.ToString(), file]))!);
            }).ToArray();
            var results = new List<ArmResult>();
            foreach (var (file, process) in processes)
            {
                using (process)
                {
                    await process.WaitForExitAsync();
                    Assert.True(process.ExitCode == 0, $"the arm process for {file} failed with exit code {process.ExitCode}");
                }

                results.Add(await ArmResultFile.ReadAsync(file));
            }

            return results;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The evaluate command, its arms in processes started from this assembly.</summary>
    public static Task<int> EvaluateAsync(params string[] args) => EvaluationCommand.RunAsync(args, Launcher);
}
