using SupplyGrid.Grains;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// The naive baseline: every so often, every free driver (parked or cruising, not already on a move) is sent to the
/// grid's hottest cell, the worst deficit on the heatmap, with no incentive and no regard for distance or for how
/// many others are sent there. It moves drivers through the simulation's fleet directives, which follow the same
/// rules as accepted offers.
/// </summary>
public sealed class NaivePolicy
{
    private readonly ICityGrain _city;
    private readonly TimeSpan _interval;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public NaivePolicy(ICityGrain city, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be longer than zero.");
        _city = city;
        _interval = interval;
    }

    /// <summary>Rounds in which a hottest cell existed and drivers were sent.</summary>
    public int Rounds { get; private set; }

    /// <summary>When a round is due, sends the free drivers; call between steps, while the grid is quiet.</summary>
    public async Task ApplyAsync(CitySimulation simulation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (now < _next)
            return;
        _next = now + _interval;
        var hottest = await _city.GetHotspots(1);
        if (hottest.Count == 0)
            return;
        var target = hottest[0].Centre;
        var sent = 0;
        foreach (var driver in simulation.SnapshotDrivers())
        {
            if (driver.Phase is DriverPhase.Idle or DriverPhase.Cruising && simulation.DirectDriver(driver.DriverId, target))
                sent++;
        }

        if (sent > 0)
            Rounds++;
    }
}
