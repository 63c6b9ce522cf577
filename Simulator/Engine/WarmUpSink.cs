using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>
/// Lets a simulation start before "now" and run up to it, so the city is in a steady state when the grid first hears
/// of it (drivers already on trips, shifts under way) without replaying the whole past. Until <see cref="GoLive"/> it
/// forwards only the bookings created from <paramref name="recentFrom"/> on (they fill the cells' demand windows) and
/// keeps each driver's latest performance record, handed over when going live; the rest of the past is dropped: the
/// drivers' next pings, seconds later, tell their positions and statuses.
/// </summary>
public sealed class WarmUpSink(ISimulationSink inner, DateTimeOffset recentFrom) : ISimulationSink
{
    private readonly ISimulationSink _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly Dictionary<string, DriverRealPerformance> _latestPerformance = new(StringComparer.Ordinal);
    private bool _live;

    /// <summary>Hands over the kept performance records; from now on every event is forwarded.</summary>
    public void GoLive()
    {
        if (_live)
            return;
        _live = true;
        foreach (var record in _latestPerformance.Values)
            _inner.Publish(record);
        _latestPerformance.Clear();
    }

    public void Publish(BookingCreated record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_live || record.Ts >= recentFrom)
            _inner.Publish(record);
    }

    public void Publish(DriverRealPerformance record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_live)
            _inner.Publish(record);
        else
            _latestPerformance[record.DriverId] = record;
    }

    public void Publish(DriverEvent record)
    {
        if (_live)
            _inner.Publish(record);
    }

    public void Publish(VehicleEvent record)
    {
        if (_live)
            _inner.Publish(record);
    }

    public void Publish(DispatchJob record)
    {
        if (_live)
            _inner.Publish(record);
    }

    public void Publish(UploadTrip record)
    {
        if (_live)
            _inner.Publish(record);
    }

    public void Publish(MessageReply record)
    {
        if (_live)
            _inner.Publish(record);
    }
}
