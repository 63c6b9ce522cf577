using Orleans;
namespace SupplyGrid.Grains.Ports;

/// <summary>
/// History rows for analytics (PostgreSQL in the silo: supply_demand_metrics, reposition_suggestions,
/// driver_incentives, incentive_campaigns). Implementations batch and must not block: they are called inside grain
/// turns. The default discards the rows.
/// </summary>
public interface IAnalyticsSink
{
    /// <summary>One cell's figures, at most once per cell and minute.</summary>
    void CellMinute(CellSnapshot snapshot);

    /// <summary>An offer entered a state.</summary>
    void OfferTransition(OfferHistoryRow row);

    /// <summary>A ledger movement of a campaign.</summary>
    void Ledger(LedgerHistoryRow row);

    /// <summary>A campaign was created or changed status.</summary>
    void Campaign(CampaignView campaign);
}

/// <summary>One offer transition (reposition_suggestions).</summary>
[GenerateSerializer, Alias("supplygrid.OfferHistoryRow"), Immutable]
public sealed record OfferHistoryRow(
    string OfferId,
    string DriverId,
    string CityId,
    string CampaignId,
    string TargetCell,
    OfferState State,
    DateTimeOffset At,
    string Reason,
    decimal Amount,
    decimal Paid,
    string Currency);

/// <summary>What a ledger movement did.</summary>
[GenerateSerializer, Alias("supplygrid.LedgerMovement")]
public enum LedgerMovement
{
    Reserved,
    Committed,
    Released,
    Awarded,
}

/// <summary>One ledger movement (driver_incentives).</summary>
[GenerateSerializer, Alias("supplygrid.LedgerHistoryRow"), Immutable]
public sealed record LedgerHistoryRow(
    string CampaignId,
    string EntryId,
    string DriverId,
    LedgerMovement Movement,
    decimal Amount,
    string Currency,
    DateTimeOffset At);
