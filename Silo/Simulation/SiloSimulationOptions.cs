using SupplyGrid.Simulator;

namespace SupplyGrid.Silo.Simulation;

/// <summary>
/// Section "Simulator": the simulated city that feeds the topics in the default run. It runs when enabled, or by
/// default when the Kafka cluster is the embedded one (an external cluster has real traffic).
/// </summary>
public sealed class SiloSimulationOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Null: on with the embedded broker, off with an external cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The simulated city's geography (<c>singapore</c> or <c>new-york</c>).</summary>
    public string City { get; set; } = "singapore";

    /// <summary>How often the simulation is advanced to the current time.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the city runs before the silo's start time, unpublished, so the grid first meets it in a steady state
    /// (drivers on trips, shifts under way) rather than with every driver free: the first minute already has deficits.
    /// </summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The last part of the warm-up whose bookings are published, to fill the cells' demand windows (15 minutes).</summary>
    public TimeSpan WarmUpBookings { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Seed, fleet, movement, dispatch and offer behaviour of the engine.</summary>
    public SimulationOptions Engine { get; set; } = new() { Fleet = new FleetOptions { Drivers = 2_000 } };

    /// <summary>Booking rates and the venue event.</summary>
    public DemandOptions Demand { get; set; } = new();

    public void Validate()
    {
        if (TickInterval <= TimeSpan.Zero || TickInterval > TimeSpan.FromSeconds(10))
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(TickInterval)}", TickInterval, "must be between 0 and 10 seconds.");
        if (WarmUp < TimeSpan.Zero || WarmUp > TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(WarmUp)}", WarmUp, "must be between 0 and 1 day.");
        if (WarmUpBookings < TimeSpan.Zero || WarmUpBookings > WarmUp)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(WarmUpBookings)}", WarmUpBookings, $"must be between 0 and {SectionName}:{nameof(WarmUp)}.");
        try
        {
            Cities.ById(City);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{SectionName}:{nameof(City)}: {ex.Message}", ex);
        }

        Engine.Validate();
        Demand.Validate();
    }
}
