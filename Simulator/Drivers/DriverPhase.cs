using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>What a simulated driver is doing; finer than the <see cref="DriverStatus"/> their pings report.</summary>
public enum DriverPhase
{
    Offline,

    /// <summary>Free, parked, waiting for a job.</summary>
    Idle,

    /// <summary>Free, driving slowly in search of a fare.</summary>
    Cruising,

    /// <summary>Free, driving to a reposition target (an accepted offer or a fleet directive).</summary>
    Repositioning,

    /// <summary>Assigned a booking, driving to the pickup.</summary>
    ToPickup,

    /// <summary>Carrying the rider to the dropoff.</summary>
    OnTrip,

    Break,
}

internal static class DriverPhaseExtensions
{
    public static DriverStatus ToStatus(this DriverPhase phase) => phase switch
    {
        DriverPhase.Idle or DriverPhase.Cruising or DriverPhase.Repositioning => DriverStatus.Available,
        DriverPhase.ToPickup => DriverStatus.Busy,
        DriverPhase.OnTrip => DriverStatus.OnTrip,
        DriverPhase.Break => DriverStatus.Break,
        _ => DriverStatus.Offline,
    };

    public static bool IsFree(this DriverPhase phase) => phase is DriverPhase.Idle or DriverPhase.Cruising;
}
