using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests;

/// <summary>Bookings given in advance, for tests that need to know exactly what demand there is.</summary>
internal sealed class ScriptedDemand(IEnumerable<DemandArrival> arrivals, LatLng home) : IDemandSource
{
    private readonly Queue<DemandArrival> _arrivals = new(arrivals.OrderBy(a => a.Time));

    public ScriptedDemand(LatLng home) : this([], home)
    {
    }

    public void Start(DateTimeOffset start, SimRandom random)
    {
    }

    public long NextTicks => _arrivals.Count > 0 ? _arrivals.Peek().Time.UtcTicks : long.MaxValue;

    public DemandArrival Take() => _arrivals.Dequeue();

    public IReadOnlyList<double> HourlyShares { get; } = [.. Enumerable.Repeat(1.0 / 24, 24)];

    public LatLng SampleDriverHome(SimRandom random) => home;
}
