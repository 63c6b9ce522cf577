using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>The small scenarios the tests run (two hours of a small city each).</summary>
internal static class Scenarios
{
    /// <summary>Generated demand from both zones, about as much as the fleet can serve.</summary>
    public static EvaluationScenario Balanced(ulong seed = 7) => Generated("balanced", SmallCity.Create(), bookingsPerHour: 90, drivers: 20, seed);

    /// <summary>Far more drivers than bookings, spread over the whole city.</summary>
    public static EvaluationScenario Abundant() => Generated("abundant", SmallCity.Create(background: 2), bookingsPerHour: 30, drivers: 90, seed: 7);

    /// <summary>The hotspot with the cells' candidate search narrowed to 1 km (2 km widened): the parked drivers, 2.7 km away, are beyond both.</summary>
    public static EvaluationScenario HotspotNarrowSearch() => Hotspot() with
    {
        Name = "hotspot-narrow-search",
        Grid = new GridSettings
        {
            Budget = 10_000m,
            CitySettings = new Dictionary<string, string> { ["Policies:Reposition:SearchRadiusKm"] = "1", ["Policies:Reposition:WidenedRadiusKm"] = "2" },
        },
    };

    /// <summary>Drivers parked at home, bookings only at a hotspot 2.7 km away (<see cref="HotspotDemand"/>).</summary>
    public static EvaluationScenario Hotspot()
    {
        var simulation = SmallCity.Fleet(drivers: 12);
        // Parked drivers: without repositioning nobody drifts towards the hotspot on their own.
        simulation.Movement.MeanIdleMinutes = 600;
        return new EvaluationScenario
        {
            Name = "hotspot",
            City = SmallCity.Create(),
            Demand = () => new HotspotDemand(SmallCity.Start, TimeSpan.FromMinutes(2)),
            Start = SmallCity.Start,
            Duration = TimeSpan.FromHours(2),
            Simulation = simulation,
            Grid = new GridSettings { Budget = 10_000m },
        };
    }

    private static EvaluationScenario Generated(string name, CityMap city, double bookingsPerHour, int drivers, ulong seed)
    {
        var demand = new DemandOptions { BookingsPerHour = bookingsPerHour };
        return new EvaluationScenario
        {
            Name = name,
            City = city,
            Demand = () => new PoissonDemand(city, demand),
            Start = SmallCity.Start,
            Duration = TimeSpan.FromHours(2),
            Simulation = SmallCity.Fleet(drivers, seed),
        };
    }
}
