using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// Runs arms of a scenario in this process, side by side, each on a silo of its own (as the program's per-arm
/// processes do, without starting a process and a cold JIT per arm).
/// </summary>
internal static class Arms
{
    public static async Task<IReadOnlyList<ArmResult>> RunAsync(EvaluationScenario scenario, params ArmKind[] arms) =>
        await Task.WhenAll(arms.Select(arm => ArmRunner.RunAsync(scenario, arm)));
}
