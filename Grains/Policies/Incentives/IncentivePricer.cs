namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Prices a reposition incentive (brief defaults):
/// <code>
/// amount = 8 + 2.5 x max(0, km - 1) + 4 x clamp((0.5 - ratio) / 0.5, 0, 1) + min(tier bonus, 1.5)
/// </code>
/// clamped to [5, 20], then cut to the campaign's remaining budget and the driver's remaining daily cap
/// (100). When either leaves less than the minimum 5, there is no offer: a token amount would cost a reply
/// and a move for nothing worth the driver's while. Components are rounded to the currency's minor unit
/// (half away from zero); a cut to budget or cap rounds down, so it never exceeds what remains.
/// </summary>
/// <remarks>0.5 in the urgency term is the undersupplied threshold of the city's <see cref="ImbalanceClassifier"/>.</remarks>
public sealed class IncentivePricer
{
    /// <summary>Longer moves are refused as nonsense (reposition moves are a few km; this keeps the money arithmetic in range).</summary>
    public const double MaxDistanceKm = 1_000;

    private readonly IncentiveOptions _options;
    private readonly double _urgencyFromRatio;

    public IncentivePricer(IncentiveOptions options, ImbalanceClassifier imbalance)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(imbalance);
        options.Validate();
        _options = options with { };
        _urgencyFromRatio = imbalance.UndersuppliedBelow;
    }

    /// <summary>The city's currency code.</summary>
    public string Currency => _options.Currency;

    public IncentiveQuote Quote(IncentiveRequest request)
    {
        Guard.InRange(request.DistanceKm, 0, MaxDistanceKm);
        Guard.NonNegative(request.TargetRatio);
        Guard.NonNegative(request.TierBonus);
        Guard.NonNegative(request.CampaignRemaining);
        Guard.NonNegative(request.DriverIncentivesToday);
        var o = _options;

        var distance = RoundMoney(o.AmountPerKm * (decimal)Math.Max(0, request.DistanceKm - o.FreeDistanceKm));
        var urgencyShare = Math.Clamp((_urgencyFromRatio - request.TargetRatio) / _urgencyFromRatio, 0, 1);
        var urgency = RoundMoney(o.MaxUrgencyAmount * (decimal)urgencyShare);
        var tier = Math.Min(request.TierBonus, o.MaxTierAmount);
        var sum = o.BaseAmount + distance + urgency + tier;

        var (amount, limit) = sum < o.MinimumAmount ? (o.MinimumAmount, IncentiveLimit.RaisedToMinimum)
            : sum > o.MaximumAmount ? (o.MaximumAmount, IncentiveLimit.CappedAtMaximum)
            : (sum, IncentiveLimit.None);

        var allowance = Math.Max(0, o.DailyCapPerDriver - request.DriverIncentivesToday);
        var (room, cutLimit, noOffer) = request.CampaignRemaining <= allowance
            ? (request.CampaignRemaining, IncentiveLimit.LimitedByBudget, IncentiveLimit.BudgetExhausted)
            : (allowance, IncentiveLimit.LimitedByDailyCap, IncentiveLimit.DailyCapReached);
        if (room < amount)
        {
            var cut = Math.Round(room, o.CurrencyDecimals, MidpointRounding.ToZero);
            (amount, limit) = cut < o.MinimumAmount ? (0m, noOffer) : (cut, cutLimit);
        }

        return new IncentiveQuote(amount, o.Currency, o.BaseAmount, distance, urgency, tier, limit);
    }

    private decimal RoundMoney(decimal value) => Math.Round(value, _options.CurrencyDecimals, MidpointRounding.AwayFromZero);
}
