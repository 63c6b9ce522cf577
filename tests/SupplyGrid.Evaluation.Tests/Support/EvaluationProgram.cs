using SupplyGrid.Evaluation.Command;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// The evaluation program as a user runs it: its command in this process, the per-arm processes started from the
/// program's own assembly (copied beside the tests with its runtime configuration).
/// </summary>
internal static class EvaluationProgram
{
    public static ArmLauncher Launcher { get; } = ArmLauncher.ForAssembly(Path.Combine(AppContext.BaseDirectory, "SupplyGrid.Evaluation.dll"));

    public static Task<int> RunAsync(params string[] args) => EvaluationCommand.RunAsync(args, Launcher);
}
