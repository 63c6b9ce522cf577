using System.Diagnostics;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>Runs the arms of an evaluation one after another in this process, each on a silo of its own.</summary>
public static class EvaluationRunner
{
    public static async Task<EvaluationRun> RunAsync(EvaluationScenario scenario, IReadOnlyList<ArmKind> arms, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
            throw new ArgumentException("At least one arm must be run.", nameof(arms));
        if (arms.Distinct().Count() != arms.Count)
            throw new ArgumentException("An arm is listed twice.", nameof(arms));
        scenario.Validate();
        var started = Stopwatch.GetTimestamp();
        var results = new List<ArmResult>(arms.Count);
        foreach (var arm in arms)
            results.Add(await ArmRunner.RunAsync(scenario, arm, progress));
        return new EvaluationRun(results, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>The arms' results in the order run, and the real time all of them took.</summary>
public sealed record EvaluationRun(IReadOnlyList<ArmResult> Arms, TimeSpan WallTime);
