namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// What a driver grain persists: the record, today's figures, the offers and awards (the ledger side of the driver)
/// and the ids that make replays harmless. Written on offer transitions, trips, awards and performance updates, never
/// per ping: position and status come back with the next ping. Lists stay null until needed, so an idle driver's
/// state is a few dozen bytes.
/// </summary>
public sealed class DriverState
{
    /// <summary>From driver_real_performance; null until reported.</summary>
    public double? AcceptanceRate { get; set; }

    public double CancellationRate { get; set; }

    public double? Rating { get; set; }

    public int CompletedTrips { get; set; }

    /// <summary>Event time of the last performance record applied; older ones are ignored.</summary>
    public DateTimeOffset? PerformanceAt { get; set; }

    public int OffersSeen { get; set; }

    public int OffersAccepted { get; set; }

    public DriverDayRecord Today { get; set; } = new();

    /// <summary>Incentives committed since the grid has known the driver.</summary>
    public decimal PaidTotal { get; set; }

    /// <summary>Trips and earnings since the grid has known the driver, for the average earnings per trip.</summary>
    public long TotalTrips { get; set; }

    public decimal TotalEarnings { get; set; }

    /// <summary>Offers, oldest first; the last may be live.</summary>
    public List<OfferRecord>? Offers { get; set; }

    public List<IncentiveAward>? Awards { get; set; }

    /// <summary>The most recent trip ids counted (a replayed upload_trip is recognised by its id).</summary>
    public List<string>? RecentTripIds { get; set; }

    /// <summary>Where the driver usually works: minutes spent per cell, a few cells only.</summary>
    public List<UsualCell>? UsualCells { get; set; }
}

/// <summary>A driver's figures for one local day (mutable, persisted).</summary>
public sealed class DriverDayRecord
{
    public DateOnly Day { get; set; }

    public int Trips { get; set; }

    public decimal Earnings { get; set; }

    public double OnlineMinutes { get; set; }

    public decimal IncentivesPaid { get; set; }
}

/// <summary>Minutes a driver spent in a cell (as available or working).</summary>
public sealed class UsualCell
{
    public ulong Cell { get; set; }

    public double Minutes { get; set; }
}
