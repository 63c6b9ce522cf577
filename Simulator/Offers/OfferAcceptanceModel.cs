namespace SupplyGrid.Simulator;

/// <summary>The ground truth of offer acceptance: logistic in the amount and the distance (<see cref="OfferBehaviourOptions"/>).</summary>
public sealed class OfferAcceptanceModel
{
    private readonly double _intercept;
    private readonly OfferBehaviourOptions _options;

    public OfferAcceptanceModel(OfferBehaviourOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
        _intercept = Math.Log(_options.ReferenceAcceptance / (1 - _options.ReferenceAcceptance));
    }

    /// <summary>The probability that a driver with <paramref name="driverBias"/> (log-odds) accepts.</summary>
    public double Probability(decimal amount, double distanceKm, double driverBias = 0)
    {
        Guard.NonNegative(amount);
        Guard.NonNegative(distanceKm);
        if (!double.IsFinite(driverBias))
            throw new ArgumentOutOfRangeException(nameof(driverBias), driverBias, "driverBias must be finite.");
        double logit = _intercept
            + _options.AmountSlope * ((double)amount - _options.ReferenceAmount)
            - _options.DistanceSlope * (distanceKm - _options.ReferenceDistanceKm)
            + driverBias;
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>A new driver's fixed bias, drawn from N(0, <see cref="OfferBehaviourOptions.DriverSpread"/>²).</summary>
    public double DrawDriverBias(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Gaussian() * _options.DriverSpread;
    }

    /// <summary>The reason a declining driver gives: the distance when it is beyond the reference, else the amount.</summary>
    public string DeclineReason(double distanceKm) => distanceKm > _options.ReferenceDistanceKm ? "too_far" : "amount_too_low";
}
