using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A priced offer with its components, for the MDT reason figures and the audit trail.</summary>
/// <param name="Amount">What to offer and reserve; 0 when there is no offer.</param>
/// <param name="Currency">The city's currency.</param>
/// <param name="BaseAmount">The base component.</param>
/// <param name="DistanceAmount">The per-km component.</param>
/// <param name="UrgencyAmount">The urgency component.</param>
/// <param name="TierAmount">The tier component (after the tier maximum).</param>
/// <param name="Limit">The clamp or limit that applied last, if any.</param>
[GenerateSerializer, Alias("supplygrid.IncentiveQuote"), Immutable]
public readonly record struct IncentiveQuote(
    decimal Amount,
    string Currency,
    decimal BaseAmount,
    decimal DistanceAmount,
    decimal UrgencyAmount,
    decimal TierAmount,
    IncentiveLimit Limit)
{
    /// <summary>The sum of the components before any clamp or limit.</summary>
    public decimal Unclamped => BaseAmount + DistanceAmount + UrgencyAmount + TierAmount;

    /// <summary>False when budget or daily cap leave less than the minimum amount.</summary>
    public bool HasOffer => Limit is not (IncentiveLimit.BudgetExhausted or IncentiveLimit.DailyCapReached);
}
