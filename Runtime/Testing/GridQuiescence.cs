namespace SupplyGrid.Runtime.Testing;

/// <summary>Waiting for a grid to have nothing left to do, for tests that drive it with a manual clock.</summary>
public static class GridQuiescence
{
    /// <summary>
    /// Completes once no message has been unfinished (waiting or running) for three looks a millisecond apart, or after
    /// about <paramref name="limit"/> (default 10 s) when the grid never settles; a turn awaiting another grain counts
    /// as unfinished, so a chain of calls is waited out to its end.
    /// </summary>
    public static async Task WhenQuietAsync(this IGridMonitor monitor, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        for (var quiet = 0; quiet < 3 && DateTime.UtcNow < deadline;)
        {
            quiet = monitor.UnfinishedMessages == 0 ? quiet + 1 : 0;
            await Task.Delay(1);
        }
    }
}
