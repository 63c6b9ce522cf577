namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Settles an accepted offer, timed from acceptance: arrival within 15 minutes pays the full amount, later
/// arrival half (rounded down to the minor unit, so a late payment never exceeds half), and no arrival within
/// 30 minutes nothing.
/// </summary>
public sealed class IncentiveSettler
{
    private readonly IncentiveOptions _options;

    public IncentiveSettler(IncentiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
    }

    /// <summary>Arrival up to this instant pays in full.</summary>
    public DateTimeOffset ArrivalDeadline(DateTimeOffset acceptedAt) => acceptedAt + _options.ArrivalTimeLimit;

    /// <summary>Without arrival by this instant the offer has failed (when the driver grain's timer should fire).</summary>
    public DateTimeOffset FailureDeadline(DateTimeOffset acceptedAt) => acceptedAt + _options.FailAfter;

    /// <param name="amount">The accepted offer's amount.</param>
    /// <param name="acceptedAt">When the driver accepted.</param>
    /// <param name="arrivedAt">When the driver's ping entered the target cell; null when the offer failed.</param>
    public IncentiveSettlement Settle(decimal amount, DateTimeOffset acceptedAt, DateTimeOffset? arrivedAt)
    {
        Guard.NonNegative(amount);
        if (arrivedAt is not { } arrival || arrival > FailureDeadline(acceptedAt))
        {
            return new IncentiveSettlement(SettlementOutcome.Failed, 0m);
        }

        if (arrival < acceptedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivedAt), arrival, $"{nameof(arrivedAt)} must not be before {nameof(acceptedAt)} ({acceptedAt:O}).");
        }

        return arrival <= ArrivalDeadline(acceptedAt)
            ? new IncentiveSettlement(SettlementOutcome.OnTime, amount)
            : new IncentiveSettlement(SettlementOutcome.Late,
                Math.Round(amount * _options.LatePayoutFraction, _options.CurrencyDecimals, MidpointRounding.ToZero));
    }
}
