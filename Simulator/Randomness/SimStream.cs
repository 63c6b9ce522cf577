namespace SupplyGrid.Simulator;

/// <summary>The independent random streams one simulation seed is split into.</summary>
public enum SimStream
{
    /// <summary>Booking times, places and destinations: identical in every arm of an evaluation.</summary>
    Demand = 1,

    /// <summary>Shifts, homes and the drivers' fixed traits.</summary>
    Fleet = 2,

    /// <summary>One stream per driver (index = driver number) for cruising, replies and job decisions.</summary>
    DriverBehaviour = 3,
}
