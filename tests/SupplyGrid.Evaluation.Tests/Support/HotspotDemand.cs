using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// Every driver lives at <see cref="Home"/>; every booking starts at a hotspot <see cref="HotspotKm"/> east of it (within
/// 300 m) and ends back near home, one every <see cref="Gap"/>. A driver who serves the hotspot is carried home again,
/// so without repositioning each pickup is a drive from home.
/// </summary>
internal sealed class HotspotDemand(DateTimeOffset start, TimeSpan gap) : IDemandSource
{
    public const double HotspotKm = 2.7;

    public static readonly LatLng Home = SmallCity.A;

    public static readonly LatLng Hotspot = GeoMath.Offset(Home, HotspotKm, 0);

    private SimRandom? _random;
    private DateTimeOffset _next = start + gap;

    public TimeSpan Gap { get; } = gap;

    public IReadOnlyList<double> HourlyShares { get; } = Enumerable.Repeat(1.0 / 24, 24).ToArray();

    public void Start(DateTimeOffset start, SimRandom random) => _random = random;

    public long NextTicks => _random is null ? long.MaxValue : _next.UtcTicks;

    public DemandArrival Take()
    {
        var random = _random ?? throw new InvalidOperationException("Start the demand source first.");
        var arrival = new DemandArrival(_next, Near(Hotspot, 0.3, random), Near(Home, 0.5, random), "hotspot");
        _next += Gap;
        return arrival;
    }

    public LatLng SampleDriverHome(SimRandom random) => Near(Home, 0.2, random);

    private static LatLng Near(LatLng centre, double radiusKm, SimRandom random)
    {
        var km = radiusKm * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        return GeoMath.Offset(centre, km * Math.Sin(angle), km * Math.Cos(angle));
    }
}
