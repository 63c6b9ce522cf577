namespace SupplyGrid.Grains.Policies;

/// <summary>Incentive amounts and settlement (configuration section <see cref="SectionName"/>), per city. Brief defaults.</summary>
public sealed record IncentiveOptions
{
    public const string SectionName = "Policies:Incentives";

    /// <summary>ISO 4217 code of the city's currency.</summary>
    public string Currency { get; set; } = "SGD";

    /// <summary>Minor-unit digits of the currency: amounts are rounded to this many decimals.</summary>
    public int CurrencyDecimals { get; set; } = 2;

    /// <summary>Paid for any move. Brief: 8.</summary>
    public decimal BaseAmount { get; set; } = 8m;

    /// <summary>Per straight-line km beyond <see cref="FreeDistanceKm"/>. Brief: 2.5.</summary>
    public decimal AmountPerKm { get; set; } = 2.5m;

    /// <summary>Distance covered by the base amount. Brief: the first km.</summary>
    public double FreeDistanceKm { get; set; } = 1.0;

    /// <summary>Urgency at ratio 0, falling linearly to 0 at the undersupplied threshold. Brief: up to 4.</summary>
    public decimal MaxUrgencyAmount { get; set; } = 4m;

    /// <summary>The most the driver tier may add; larger tier bonuses are cut to this. Brief: up to 1.5.</summary>
    public decimal MaxTierAmount { get; set; } = 1.5m;

    /// <summary>Lower clamp; an offer that budget or daily cap would push below it is not made. Brief: 5.</summary>
    public decimal MinimumAmount { get; set; } = 5m;

    /// <summary>Upper clamp. Brief: 20.</summary>
    public decimal MaximumAmount { get; set; } = 20m;

    /// <summary>Most incentive money one driver can receive (paid plus reserved) per local day. Brief: 100.</summary>
    public decimal DailyCapPerDriver { get; set; } = 100m;

    /// <summary>From acceptance, arrival within this pays in full. Brief: 15 minutes.</summary>
    public TimeSpan ArrivalTimeLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>From acceptance, no arrival by this time is a failure (choice: 30 minutes, twice the limit).</summary>
    public TimeSpan FailAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Share of the amount paid for a late arrival. Brief: half.</summary>
    public decimal LatePayoutFraction { get; set; } = 0.5m;

    public void Validate()
    {
        if (Currency is null || Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"{nameof(Currency)} must be a three-letter ISO 4217 code such as SGD.", nameof(Currency));
        }

        if (CurrencyDecimals is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(CurrencyDecimals), CurrencyDecimals, $"{nameof(CurrencyDecimals)} must be between 0 and 4.");
        }

        Guard.NonNegative(BaseAmount);
        Guard.NonNegative(AmountPerKm);
        Guard.NonNegative(FreeDistanceKm);
        Guard.NonNegative(MaxUrgencyAmount);
        Guard.NonNegative(MaxTierAmount);
        Guard.Positive(MinimumAmount);
        Guard.NotBelow(MinimumAmount, MaximumAmount, nameof(MinimumAmount), nameof(MaximumAmount));
        Guard.Positive(DailyCapPerDriver);
        Guard.Positive(ArrivalTimeLimit);
        if (FailAfter < ArrivalTimeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(FailAfter), FailAfter, $"{nameof(FailAfter)} must not be shorter than {nameof(ArrivalTimeLimit)}.");
        }

        if (LatePayoutFraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LatePayoutFraction), LatePayoutFraction, $"{nameof(LatePayoutFraction)} must be between 0 and 1.");
        }
    }
}
