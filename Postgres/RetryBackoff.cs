namespace SupplyGrid.Postgres;

/// <summary>Exponential backoff with jitter, so that silos retrying after the same outage do not retry in lockstep.</summary>
internal static class RetryBackoff
{
    /// <param name="retry">0 for the first retry.</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
