namespace SupplyGrid.Simulator;

/// <summary>
/// The city's local hour for a UTC instant, cached per quarter hour of UTC (offsets change only at quarter hours),
/// because it is asked for every route and booking.
/// </summary>
internal sealed class CityClock
{
    private const long Block = TimeSpan.TicksPerMinute * 15;

    private readonly TimeZoneInfo _zone;
    private long _blockStart = long.MinValue;
    private long _offsetTicks;

    public CityClock(TimeZoneInfo zone)
    {
        _zone = zone;
    }

    public int LocalHour(long utcTicks)
    {
        long block = utcTicks - utcTicks % Block;
        if (block != _blockStart)
        {
            _blockStart = block;
            _offsetTicks = _zone.GetUtcOffset(new DateTime(block, DateTimeKind.Utc)).Ticks;
        }
        long local = utcTicks + _offsetTicks;
        return (int)(local / TimeSpan.TicksPerHour % 24);
    }
}
