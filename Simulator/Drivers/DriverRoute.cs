using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// A driver's current path: straight segments through the router's waypoints, driven at a constant road speed. The
/// road is <see cref="MovementOptions.DetourFactor"/> times longer than the straight segments, so progress along
/// them is the road speed divided by that factor. Positions are computed for any instant, so nothing moves between
/// pings and a ping costs a few multiplications. Buffers are allocated once per driver.
/// </summary>
internal sealed class DriverRoute
{
    private readonly LatLng[] _points;
    private readonly double[] _cumulativeKm;
    private int _pointCount;
    private double _straightKmPerTick;

    public DriverRoute(int maxWaypoints)
    {
        _points = new LatLng[maxWaypoints + 1];
        _cumulativeKm = new double[maxWaypoints + 1];
    }

    public bool Active { get; private set; }

    public long StartTicks { get; private set; }

    public long EndTicks { get; private set; }

    /// <summary>Reported ground speed while on this route.</summary>
    public double RoadSpeedKmh { get; private set; }

    public double StraightKm => _cumulativeKm[_pointCount - 1];

    /// <summary>Plans the route and returns when it ends.</summary>
    public long Start(LatLng from, LatLng to, LandRouter router, long startTicks, double roadSpeedKmh, double detourFactor)
    {
        _points[0] = from;
        int waypoints = router.Route(from, to, _points.AsSpan(1));
        _pointCount = waypoints + 1;
        _cumulativeKm[0] = 0;
        for (int i = 1; i < _pointCount; i++)
            _cumulativeKm[i] = _cumulativeKm[i - 1] + GeoMath.DistanceKm(_points[i - 1], _points[i]);
        RoadSpeedKmh = roadSpeedKmh;
        _straightKmPerTick = roadSpeedKmh / detourFactor / TimeSpan.TicksPerHour;
        StartTicks = startTicks;
        EndTicks = startTicks + (long)Math.Ceiling(StraightKm / _straightKmPerTick);
        Active = true;
        return EndTicks;
    }

    public void Stop() => Active = false;

    /// <summary>Straight-line km covered by <paramref name="ticks"/>.</summary>
    public double StraightKmAt(long ticks) =>
        ticks >= EndTicks ? StraightKm : Math.Max(0, (ticks - StartTicks) * _straightKmPerTick);

    public LatLng PositionAt(long ticks)
    {
        double along = StraightKmAt(ticks);
        int segment = SegmentAt(along);
        double length = _cumulativeKm[segment + 1] - _cumulativeKm[segment];
        double t = length > 0 ? Math.Min(1, (along - _cumulativeKm[segment]) / length) : 1;
        return GeoMath.Lerp(_points[segment], _points[segment + 1], t);
    }

    /// <summary>The compass heading of the segment being driven at <paramref name="ticks"/>.</summary>
    public double HeadingAt(long ticks)
    {
        int segment = SegmentAt(StraightKmAt(ticks));
        return GeoMath.BearingDeg(_points[segment], _points[segment + 1]);
    }

    private int SegmentAt(double along)
    {
        int segment = 0;
        while (segment < _pointCount - 2 && along >= _cumulativeKm[segment + 1])
            segment++;
        return segment;
    }
}
