using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A driver grain asks the campaign to price and hold an incentive for an offer (idempotent by offer id).</summary>
/// <param name="OfferId">The offer; a repeated request returns the first reservation.</param>
/// <param name="DriverId">The driver.</param>
/// <param name="TargetCell">Where the driver is asked to go (checked against the campaign's cells).</param>
/// <param name="DistanceKm">From the driver to the target's centre.</param>
/// <param name="TargetRatio">The target's ratio, for the urgency part.</param>
/// <param name="TierBonus">The driver's tier bonus.</param>
/// <param name="DriverIncentivesToday">Paid or reserved for the driver today over all campaigns, for the city's daily cap.</param>
/// <param name="Day">The city's local date (the daily caps' day).</param>
/// <param name="HoldUntil">After this the campaign releases the reservation by itself if nobody settled it.</param>
/// <param name="FixedAmount">An operator's fixed amount instead of the priced one.</param>
[GenerateSerializer, Alias("supplygrid.ReservationRequest"), Immutable]
public readonly record struct ReservationRequest(
    string OfferId,
    string DriverId,
    H3Index TargetCell,
    double DistanceKm,
    double TargetRatio,
    decimal TierBonus,
    decimal DriverIncentivesToday,
    DateOnly Day,
    DateTimeOffset HoldUntil,
    decimal? FixedAmount = null);

/// <summary>The campaign's answer to a reservation.</summary>
/// <param name="Granted">True when <see cref="Quote"/>'s amount is now held for the offer.</param>
/// <param name="Refusal">Why not, when not granted.</param>
/// <param name="Quote">The priced amount with its components (amount 0 when refused).</param>
[GenerateSerializer, Alias("supplygrid.ReservationResult"), Immutable]
public readonly record struct ReservationResult(bool Granted, CampaignRefusal Refusal, IncentiveQuote Quote);

[GenerateSerializer, Alias("supplygrid.CampaignRefusal")]
public enum CampaignRefusal
{
    None,

    /// <summary>No campaign was created under this id.</summary>
    UnknownCampaign,

    /// <summary>Scheduled, paused, ended or cancelled.</summary>
    NotActive,

    /// <summary>The target cell is not one of the campaign's cells.</summary>
    CellNotTargeted,

    /// <summary>Less than the minimum amount is left.</summary>
    BudgetExhausted,

    /// <summary>The driver's remaining daily allowance (city or campaign) is below the minimum amount.</summary>
    DailyCapReached,

    /// <summary>The offer was already settled: it cannot be reserved again.</summary>
    AlreadySettled,
}

/// <summary>What a commit or release did (both idempotent by offer id).</summary>
/// <param name="Applied">True when this call settled the reservation; false when it had been settled before (or never existed).</param>
/// <param name="Paid">What the offer was paid (by this call or the earlier one).</param>
/// <param name="Released">What went back to the budget.</param>
[GenerateSerializer, Alias("supplygrid.LedgerResult"), Immutable]
public readonly record struct LedgerResult(bool Applied, decimal Paid, decimal Released);
