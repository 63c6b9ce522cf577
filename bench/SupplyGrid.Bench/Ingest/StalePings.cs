using System.Diagnostics.Metrics;
using SupplyGrid.Grains.Diagnostics;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Counts the pings the real <c>DriverGrain</c> ignored as stale (reason <c>stale_ping</c> on the domain meter): a ping
/// not later than the driver's last one, i.e. a repeat or one out of order. The grain counts both alike, so they cannot
/// be told apart here; every ping produced is later than its driver's previous, so the count must be 0.
/// </summary>
internal sealed class StalePings : IDisposable
{
    private const string StalePing = "stale_ping";

    private readonly MeterListener _listener = new();
    private long _count;
    private volatile bool _found;

    /// <summary>Listens from now on, to meters created before as well as after.</summary>
    public StalePings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DomainMetrics.MeterName && instrument.Name == DomainMetrics.IgnoredEvents)
            {
                listener.EnableMeasurementEvents(instrument);
                _found = true;
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The stale pings counted; throws when the counter never appeared, as 0 would then prove nothing.</summary>
    /// <exception cref="InvalidOperationException">No domain meter with the counter was created.</exception>
    public long Count => _found
        ? Interlocked.Read(ref _count)
        : throw new InvalidOperationException($"no counter {DomainMetrics.IgnoredEvents} on meter {DomainMetrics.MeterName} was created: stale pings cannot be counted");

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "reason" && tag.Value is StalePing)
                Interlocked.Add(ref _count, value);
        }
    }
}
