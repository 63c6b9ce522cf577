using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.City;

/// <summary>
/// A synthetic city: drivers wandering central Singapore at urban speeds (those who accepted an offer drive to its
/// target), a share of them busy at any time, and bookings concentrated around a few hubs so some cells fall into
/// deficit next to others in surplus. Used by one thread.
/// </summary>
internal sealed class CitySimulation
{
    private const double South = 1.27, North = 1.42, West = 103.70, East = 103.95;
    private const double KmPerDegree = 111.32;
    private const double AvailableShare = 0.8;
    private const double StatusFlipPerPing = 0.002;

    private static readonly LatLng[] Hubs =
    [
        new(1.2840, 103.8515), // Raffles Place
        new(1.3048, 103.8318), // Orchard
        new(1.3330, 103.7436), // Jurong East
        new(1.3540, 103.9451), // Tampines
        new(1.3691, 103.8454), // Ang Mo Kio
    ];

    private readonly Random _random;
    private readonly double[] _lat, _lng, _heading, _speedKmh, _targetLat, _targetLng;
    private readonly bool[] _available, _hasTarget;
    private long _events;
    private long _bookings;

    public CitySimulation(int drivers, int seed)
    {
        _random = new Random(seed);
        Ids = new string[drivers];
        _lat = new double[drivers];
        _lng = new double[drivers];
        _heading = new double[drivers];
        _speedKmh = new double[drivers];
        _targetLat = new double[drivers];
        _targetLng = new double[drivers];
        _available = new bool[drivers];
        _hasTarget = new bool[drivers];
        for (var i = 0; i < drivers; i++)
        {
            Ids[i] = IdOf(i);
            _lat[i] = South + _random.NextDouble() * (North - South);
            _lng[i] = West + _random.NextDouble() * (East - West);
            _heading[i] = _random.NextDouble() * 2 * Math.PI;
            _speedKmh[i] = 15 + _random.NextDouble() * 25;
            _available[i] = _random.NextDouble() < AvailableShare;
        }
    }

    public string[] Ids { get; }

    public int Drivers => Ids.Length;

    /// <summary>Moves driver <paramref name="i"/> for <paramref name="seconds"/> and returns its ping at <paramref name="ts"/>.</summary>
    public DriverEvent Ping(int i, double seconds, DateTimeOffset ts)
    {
        if (_random.NextDouble() < StatusFlipPerPing && !_hasTarget[i])
            _available[i] = !_available[i];
        if (_hasTarget[i])
            SteerToTarget(i);
        else
            _heading[i] += (_random.NextDouble() - 0.5) * 0.6;

        var km = _speedKmh[i] * seconds / 3600;
        _lat[i] += Math.Cos(_heading[i]) * km / KmPerDegree;
        _lng[i] += Math.Sin(_heading[i]) * km / (KmPerDegree * Math.Cos(double.DegreesToRadians(_lat[i])));
        Bounce(i);
        return new DriverEvent
        {
            EventId = "p" + ++_events,
            Ts = ts,
            DriverId = Ids[i],
            VehicleId = Ids[i],
            Lat = _lat[i],
            Lng = _lng[i],
            SpeedKmh = _speedKmh[i],
            HeadingDeg = (double.RadiansToDegrees(_heading[i]) % 360 + 360) % 360,
            Status = _available[i] ? global::SupplyGrid.Grains.Events.DriverStatus.Available : global::SupplyGrid.Grains.Events.DriverStatus.OnTrip,
        };
    }

    /// <summary>A booking, near a hub seven times in ten.</summary>
    public BookingCreated Booking(DateTimeOffset ts)
    {
        double lat, lng;
        if (_random.NextDouble() < 0.7)
        {
            var hub = Hubs[_random.Next(Hubs.Length)];
            lat = hub.Lat + Gaussian() * 0.8 / KmPerDegree;
            lng = hub.Lng + Gaussian() * 0.8 / KmPerDegree;
        }
        else
        {
            lat = South + _random.NextDouble() * (North - South);
            lng = West + _random.NextDouble() * (East - West);
        }

        var id = "b" + ++_bookings;
        return new BookingCreated
        {
            EventId = id,
            Ts = ts,
            BookingId = id,
            BookingType = BookingType.Immediate,
            PickupLat = lat,
            PickupLng = lng,
            EstimatedFare = 15m,
            Currency = "SGD",
        };
    }

    /// <summary>The driver accepted an offer: drive toward its target until there.</summary>
    public void Accept(int i, double targetLat, double targetLng)
    {
        _hasTarget[i] = true;
        _available[i] = true;
        _targetLat[i] = targetLat;
        _targetLng[i] = targetLng;
        _speedKmh[i] = 30;
    }

    /// <summary>Driver <paramref name="i"/>'s id (a client process names the same drivers without the simulation).</summary>
    public static string IdOf(int i) => "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int IndexOf(string driverId) => int.Parse(driverId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private void SteerToTarget(int i)
    {
        var dLat = (_targetLat[i] - _lat[i]) * KmPerDegree;
        var dLng = (_targetLng[i] - _lng[i]) * KmPerDegree * Math.Cos(double.DegreesToRadians(_lat[i]));
        if (dLat * dLat + dLng * dLng < 0.05 * 0.05)
        {
            _hasTarget[i] = false;
            return;
        }

        _heading[i] = Math.Atan2(dLng, dLat);
    }

    private void Bounce(int i)
    {
        if (_lat[i] < South || _lat[i] > North)
        {
            _lat[i] = Math.Clamp(_lat[i], South, North);
            _heading[i] = Math.PI - _heading[i];
        }

        if (_lng[i] < West || _lng[i] > East)
        {
            _lng[i] = Math.Clamp(_lng[i], West, East);
            _heading[i] = -_heading[i];
        }
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
