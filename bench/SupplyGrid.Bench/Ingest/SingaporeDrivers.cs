using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Drivers moving over Singapore (1.22-1.47 N, 103.6-104.05 E): each ping moves a random driver along its heading
/// at its speed for 3 to 5 seconds; statuses change now and then. Deterministic for a seed.
/// </summary>
internal sealed class SingaporeDrivers
{
    private const double South = 1.22, North = 1.47, West = 103.6, East = 104.05;
    private static readonly DriverStatus[] Statuses =
        [DriverStatus.Available, DriverStatus.Available, DriverStatus.Available, DriverStatus.OnTrip, DriverStatus.OnTrip, DriverStatus.Busy, DriverStatus.Break, DriverStatus.Offline];

    private readonly Random _random;
    private readonly Driver[] _drivers;
    // Event times within the contract's bounds: an hour ago onwards.
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-1);

    public SingaporeDrivers(int count, int seed)
    {
        _random = new Random(seed);
        _drivers = new Driver[count];
        for (var i = 0; i < count; i++)
        {
            _drivers[i] = new Driver(
                $"drv-{i:D6}", $"veh-{i:D6}", South + _random.NextDouble() * (North - South), West + _random.NextDouble() * (East - West),
                _random.NextDouble() * 360, Statuses[_random.Next(Statuses.Length)], _start.AddSeconds(_random.NextDouble() * 5));
        }
    }

    public DriverEvent NextPing()
    {
        var d = _drivers[_random.Next(_drivers.Length)];
        var seconds = 3 + _random.NextDouble() * 2;
        var speed = d.Status is DriverStatus.Offline or DriverStatus.Break ? 0 : 15 + _random.NextDouble() * 45;
        d.Heading = (d.Heading + (_random.NextDouble() - 0.5) * 30 + 360) % 360;
        var km = speed * seconds / 3600;
        d.Lat = Math.Clamp(d.Lat + km / 111.32 * Math.Cos(double.DegreesToRadians(d.Heading)), South, North);
        d.Lng = Math.Clamp(d.Lng + km / 111.32 * Math.Sin(double.DegreesToRadians(d.Heading)), West, East);
        if (_random.Next(50) == 0)
            d.Status = Statuses[_random.Next(Statuses.Length)];
        d.Ts = d.Ts.AddSeconds(seconds);
        d.Pinged = true;
        Span<byte> id = stackalloc byte[16];
        _random.NextBytes(id);
        return new DriverEvent
        {
            EventId = new Guid(id).ToString(),
            Ts = d.Ts,
            DriverId = d.DriverId,
            VehicleId = d.VehicleId,
            Lat = Math.Round(d.Lat, 6),
            Lng = Math.Round(d.Lng, 6),
            SpeedKmh = Math.Round(speed, 1),
            HeadingDeg = Math.Round(d.Heading, 1) % 360,
            Status = d.Status,
        };
    }

    /// <summary>The time of each driver's last ping so far, for the drivers that have pinged: what their grains should show.</summary>
    public Dictionary<string, DateTimeOffset> LastPings() =>
        _drivers.Where(d => d.Pinged).ToDictionary(d => d.DriverId, d => d.Ts, StringComparer.Ordinal);

    private sealed class Driver(string driverId, string vehicleId, double lat, double lng, double heading, DriverStatus status, DateTimeOffset ts)
    {
        public string DriverId { get; } = driverId;

        public string VehicleId { get; } = vehicleId;

        public double Lat { get; set; } = lat;

        public double Lng { get; set; } = lng;

        public double Heading { get; set; } = heading;

        public DriverStatus Status { get; set; } = status;

        public DateTimeOffset Ts { get; set; } = ts;

        public bool Pinged { get; set; }
    }
}
