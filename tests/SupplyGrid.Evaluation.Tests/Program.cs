using SupplyGrid.Evaluation.Command;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// The test assembly doubles as the program of the per-arm processes the tests start: an arm must run alone in its
/// process (it watches the thread pool to know when its grid is quiet), and the test host keeps pool threads of its
/// own. "test-arm SCENARIO ARM FILE" runs one of the small scenarios; anything else is the evaluate command.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["test-arm", var scenario, var arm, var resultFile])
            return await EvaluationCommand.RunAsync(args);
        var run = await EvaluationRunner.RunAsync(Scenarios.ByName(scenario), [Enum.Parse<ArmKind>(arm)]);
        await ArmResultFile.WriteAsync(resultFile, run.Arms[0]);
        return 0;
    }
}
