namespace SupplyGrid.Lockstep;

/// <summary>The grid did not go quiet in time; <see cref="InFlight"/> names what was still in flight, oldest first.</summary>
public sealed class LockstepTimeoutException : TimeoutException
{
    public LockstepTimeoutException(TimeSpan timeout, IReadOnlyList<string> inFlight, int total)
        : base(Describe(timeout, inFlight, total))
    {
        InFlight = inFlight;
        Total = total;
    }

    public LockstepTimeoutException()
        : this(TimeSpan.Zero, [], 0)
    {
    }

    public LockstepTimeoutException(string message)
        : base(message)
    {
        InFlight = [];
    }

    public LockstepTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        InFlight = [];
    }

    /// <summary>The oldest pieces of work still in flight when the wait gave up (at most <see cref="InFlightWork.ReportLimit"/>).</summary>
    public IReadOnlyList<string> InFlight { get; }

    /// <summary>How many pieces of work were in flight in all.</summary>
    public int Total { get; }

    private static string Describe(TimeSpan timeout, IReadOnlyList<string> inFlight, int total) =>
        $"The grid did not go quiet within {timeout}: {total} still in flight"
        + (inFlight.Count < total ? $" (the oldest {inFlight.Count} listed)" : "")
        + ":" + string.Concat(inFlight.Select(w => Environment.NewLine + "  - " + w));
}
