using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>
/// A campaign's definition and operator status: written when the campaign is created, paused, resumed or cancelled.
/// Its ledger lives in <see cref="LedgerPartition"/>s, so a ledger movement never rewrites this.
/// </summary>
public sealed class CampaignState
{
    public CampaignDefinition? Definition { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>Paused or cancelled by an operator; null when the window and budget decide.</summary>
    public CampaignStatus? OperatorStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One partition of a campaign's ledger: the drivers whose id hashes to it, with their open reservations, day totals,
/// quest progress, and what the partition has paid. Invariant: <see cref="Reserved"/> equals the sum of
/// <see cref="Open"/>. A ledger movement concerns one driver, so it changes and writes exactly one partition: its cost
/// is the size of that partition, not of every offer in flight (docs/domain.md has the exactness argument).
/// </summary>
public sealed class LedgerPartition
{
    public decimal Spent { get; set; }

    public decimal Reserved { get; set; }

    /// <summary>Reservations not settled yet, by offer id.</summary>
    public Dictionary<string, Reservation> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserved plus paid per driver and local day ("driver|yyyy-MM-dd"), for a campaign with its own per-driver daily cap
    /// (and quests); empty otherwise, the driver grain enforcing the city's cap.
    /// </summary>
    public Dictionary<string, decimal> DriverDays { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Quest progress per driver.</summary>
    public Dictionary<string, QuestProgress> Quests { get; set; } = new(StringComparer.Ordinal);

    public int Reservations { get; set; }

    public int PaidOnTime { get; set; }

    public int PaidLate { get; set; }

    public int Failed { get; set; }

    public int Released { get; set; }

    public int Awards { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One open reservation, kept small (short JSON names, the hold as UTC ticks): a ledger movement writes the open reservations of
/// its partition, so their size is the cost of a movement.
/// </summary>
public sealed class Reservation
{
    [JsonPropertyName("d")]
    public string DriverId { get; set; } = "";

    [JsonPropertyName("a")]
    public decimal Amount { get; set; }

    /// <summary>The city's local day the amount counts against.</summary>
    [JsonPropertyName("day")]
    public DateOnly Day { get; set; }

    /// <summary>UTC ticks after which the campaign releases the reservation by itself.</summary>
    [JsonPropertyName("u")]
    public long HoldUntilTicks { get; set; }
}

public sealed class QuestProgress
{
    public List<string> TripIds { get; set; } = [];

    public bool Awarded { get; set; }
}
