namespace SupplyGrid.Grains.Campaigns;

/// <summary>
/// A campaign's persisted ledger. Invariant: <see cref="Spent"/> + <see cref="Reserved"/> never exceeds the budget,
/// <see cref="Reserved"/> equals the sum of <see cref="Open"/>, and an offer id is in at most one of
/// <see cref="Open"/> and <see cref="Settled"/> (a settled offer can neither be reserved nor paid again).
/// </summary>
public sealed class CampaignState
{
    public CampaignDefinition? Definition { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>Paused or cancelled by an operator; null when the window and budget decide.</summary>
    public CampaignStatus? OperatorStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Spent { get; set; }

    public decimal Reserved { get; set; }

    /// <summary>Reservations not settled yet, by offer id.</summary>
    public Dictionary<string, Reservation> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Settled offers by id, kept for <see cref="CampaignGrain.SettledRetention"/> so replays find them.</summary>
    public Dictionary<string, SettledEntry> Settled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reserved plus paid per driver and local day ("driver|yyyy-MM-dd"), for the campaign's own daily cap.</summary>
    public Dictionary<string, decimal> DriverDays { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Quest progress per driver.</summary>
    public Dictionary<string, QuestProgress> Quests { get; set; } = new(StringComparer.Ordinal);

    public HashSet<string> PaidDrivers { get; set; } = new(StringComparer.Ordinal);

    public int Reservations { get; set; }

    public int PaidOnTime { get; set; }

    public int PaidLate { get; set; }

    public int Failed { get; set; }

    public int Released { get; set; }

    public int Awards { get; set; }
}

public sealed class Reservation
{
    public string DriverId { get; set; } = "";

    public DateOnly Day { get; set; }

    public DateTimeOffset HoldUntil { get; set; }

    public IncentiveQuote Quote { get; set; }
}

public sealed class SettledEntry
{
    public decimal Paid { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class QuestProgress
{
    public List<string> TripIds { get; set; } = [];

    public bool Awarded { get; set; }
}
