namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Memory and backlog over the measured window, sampled every 100 ms on a timer of its own, to show whether memory
/// stays flat while records wait. RSS is the whole process: the embedded broker's copy of every record produced and
/// librdkafka's fetch queues are native memory in this process too, so RSS also grows with what is produced during
/// the window, whatever the silo keeps.
/// </summary>
internal sealed class WindowSamples
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly List<Sample> _samples = [];
    private readonly ProviderProgress _progress;
    private readonly Func<long> _produced;
    private readonly PeriodicTimer _timer = new(Interval);
    private readonly Task _sampling;

    /// <summary>Starts sampling; <paramref name="produced"/> tells how many records the broker has taken so far.</summary>
    public WindowSamples(ProviderProgress progress, Func<long> produced)
    {
        _progress = progress;
        _produced = produced;
        _samples.Add(Take());
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Stops sampling (with a last sample) and sums the window up.</summary>
    public async Task<WindowSummary> StopAsync()
    {
        _timer.Dispose();
        await _sampling;
        _samples.Add(Take());
        var quarter = Math.Max(1, _samples.Count / 4);
        var first = _samples.GetRange(0, quarter);
        var last = _samples.GetRange(_samples.Count - quarter, quarter);
        return new WindowSummary(
            first.Average(s => s.RssMb), last.Average(s => s.RssMb), _samples.Max(s => s.InCache), _samples.Max(s => s.Backlog));
    }

    private async Task SampleAsync()
    {
        while (await _timer.WaitForNextTickAsync())
            _samples.Add(Take());
    }

    private Sample Take()
    {
        // Produced first: a record produced meanwhile is not counted, so the backlog is never overstated.
        var produced = _produced();
        return new Sample(
            ResidentMb(),
            _progress.Statistics.RecordsInCache,
            produced - _progress.Released());
    }

    private static double ResidentMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) / 1024.0;
        }

        return double.NaN;
    }

    private readonly record struct Sample(double RssMb, long InCache, long Backlog);
}

/// <summary>
/// The mean RSS of the first and last quarter of the window's samples, the most records the provider's caches held,
/// and the most records produced but not yet delivered (in the broker or the caches).
/// </summary>
internal sealed record WindowSummary(double RssMbFirstQuarter, double RssMbLastQuarter, long InCacheMax, long BacklogMax);
