using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Where bookings come from: generated (<see cref="PoissonDemand"/>) or replayed (<see cref="ReplayDemand"/>). The
/// engine owns the source: it calls <see cref="Start"/> once, then takes bookings in time order.
/// </summary>
public interface IDemandSource
{
    /// <summary>Prepares the source for a run from <paramref name="start"/>, drawing from <paramref name="random"/>.</summary>
    void Start(DateTimeOffset start, SimRandom random);

    /// <summary>UTC ticks of the next booking; <see cref="long.MaxValue"/> when there are no more.</summary>
    long NextTicks { get; }

    /// <summary>Removes and returns the next booking.</summary>
    /// <exception cref="InvalidOperationException">There are no more (<see cref="NextTicks"/> is <see cref="long.MaxValue"/>).</exception>
    DemandArrival Take();

    /// <summary>
    /// The expected share of a day's bookings starting in each local hour (24 values summing to 1), which the
    /// fleet's shifts follow (known before <see cref="Start"/>).
    /// </summary>
    IReadOnlyList<double> HourlyShares { get; }

    /// <summary>A place a driver starts a shift from, drawn like a pickup (drivers live where riders do).</summary>
    LatLng SampleDriverHome(SimRandom random);
}
