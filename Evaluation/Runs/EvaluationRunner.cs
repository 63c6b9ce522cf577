using System.Diagnostics;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// Runs the arms of an evaluation one after another on a dedicated thread: each arm's quiescence check reads the
/// process's thread pool, so arms must not overlap, and the waiting thread must not be a pool thread.
/// </summary>
public static class EvaluationRunner
{
    public static Task<EvaluationRun> RunAsync(EvaluationScenario scenario, IReadOnlyList<ArmKind> arms, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
            throw new ArgumentException("At least one arm must be run.", nameof(arms));
        if (arms.Distinct().Count() != arms.Count)
            throw new ArgumentException("An arm is listed twice.", nameof(arms));
        scenario.Validate();
        var completion = new TaskCompletionSource<EvaluationRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var results = new List<ArmResult>(arms.Count);
                foreach (var arm in arms)
                    results.Add(ArmRunner.Run(scenario, arm, progress));
                completion.SetResult(new EvaluationRun(results, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        })
        {
            Name = "evaluation",
            IsBackground = true,
        };
        thread.Start();
        return completion.Task;
    }
}

/// <summary>The arms' results in the order run, and the real time all of them took.</summary>
public sealed record EvaluationRun(IReadOnlyList<ArmResult> Arms, TimeSpan WallTime);
