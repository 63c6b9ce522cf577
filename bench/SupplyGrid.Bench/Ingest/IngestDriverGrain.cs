using Orleans;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>The ingest benchmark's grain: one driver's live state, updated from every ping.</summary>
public interface IIngestDriverGrain : IGrainWithStringKey
{
    Task OnNext(DriverEvent ping);
}

/// <summary>
/// Late or replayed pings (event time not after the last one) are ignored, so redelivery is harmless; distance
/// travelled and time available accumulate along the pings.
/// </summary>
public sealed class IngestDriverGrain : Grain, IIngestDriverGrain
{
    private DateTimeOffset _lastTs = DateTimeOffset.MinValue;
    private double _lat = double.NaN;
    private double _lng = double.NaN;
    private double _distanceKm;
    private double _availableSeconds;
    private DriverStatus _status;
    private long _pings;
    private long _stale;

    public Task OnNext(DriverEvent ping)
    {
        if (ping.Ts <= _lastTs)
        {
            _stale++;
        }
        else
        {
            if (!double.IsNaN(_lat))
            {
                _distanceKm += HaversineKm(_lat, _lng, ping.Lat, ping.Lng);
                if (_status == DriverStatus.Available)
                    _availableSeconds += (ping.Ts - _lastTs).TotalSeconds;
            }

            (_lat, _lng, _status, _lastTs) = (ping.Lat, ping.Lng, ping.Status, ping.Ts);
            _pings++;
        }

        IngestProgress.OnHandled();
        return Task.CompletedTask;
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
