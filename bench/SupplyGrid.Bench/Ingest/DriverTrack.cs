using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>What both ingest grains keep of a driver: position, distance travelled and time available.</summary>
internal sealed class DriverTrack
{
    private DateTimeOffset _lastTs = DateTimeOffset.MinValue;
    private double _lat = double.NaN;
    private double _lng = double.NaN;
    private double _distanceKm;
    private double _availableSeconds;
    private DriverStatus _status;

    /// <summary>
    /// Applies <paramref name="ping"/> unless it is not after the last one (a replay or a late ping, ignored, so
    /// redelivery is harmless); tells which. The benchmark's pings carry strictly rising times per driver.
    /// </summary>
    public PingOrder Apply(DriverEvent ping)
    {
        if (ping.Ts == _lastTs)
            return PingOrder.Repeated;
        if (ping.Ts < _lastTs)
            return PingOrder.Earlier;
        if (!double.IsNaN(_lat))
        {
            _distanceKm += HaversineKm(_lat, _lng, ping.Lat, ping.Lng);
            if (_status == DriverStatus.Available)
                _availableSeconds += (ping.Ts - _lastTs).TotalSeconds;
        }

        (_lat, _lng, _status, _lastTs) = (ping.Lat, ping.Lng, ping.Status, ping.Ts);
        return PingOrder.Next;
    }

    private static double HaversineKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double earthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLng = double.DegreesToRadians(lng2 - lng1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>How a ping stands to the driver's last one.</summary>
internal enum PingOrder
{
    Next,
    Repeated,
    Earlier,
}
