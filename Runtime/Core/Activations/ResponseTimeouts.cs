using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// Fails calls whose response deadline has passed. Deadlines are checked by a periodic sweep over busy activations
/// rather than a timer per call, so a call costs no timer registration; a timeout fires within one check interval.
/// </summary>
internal sealed class ResponseTimeouts(GridRuntime runtime)
{
    private readonly List<(GrainId GrainId, GrainMessage Message)> _expired = [];

    /// <summary>One sweep (never concurrent with itself: driven by one timer). Returns how many calls it failed.</summary>
    public int Sweep()
    {
        var now = runtime.TimeProvider.GetTimestamp();
        foreach (var activation in runtime.Directory.All())
        {
            if (activation.MailboxDepth > 0 || activation.RunningCount > 0)
                activation.CollectExpired(now, _expired);
        }

        var failed = 0;
        foreach (var (grainId, message) in _expired)
        {
            var timeout = runtime.TimeoutOf(message.Method);
            if (message.TryFail(new TimeoutException(
                    $"Response did not arrive on time in {timeout} for call {message.Method} to grain {grainId} (the grain is busy, deadlocked in a call cycle, or too slow).")))
                failed++;
        }

        _expired.Clear();
        return failed;
    }
}
