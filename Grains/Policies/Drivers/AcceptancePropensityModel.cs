namespace SupplyGrid.Grains.Policies;

/// <summary>
/// The chance a driver accepts a given offer: a logistic model centred on the driver's own (shrunk) history.
/// <code>
/// history = (prior x k + accepted) / (k + seen)                  k = PriorStrength, prior = 0.68
/// logit p = logit(history) + 0.15 x (amount - 10) - 0.4 x (km - 1.5)
/// </code>
/// At the reference offer (10 for 1.5 km) p equals the history, so a new driver starts at the brief's 68% and
/// moves toward their own acceptance share as they answer offers. More money raises p, a longer move lowers it.
/// </summary>
public sealed class AcceptancePropensityModel
{
    private readonly AcceptanceOptions _options;

    public AcceptancePropensityModel(AcceptanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
    }

    /// <summary>The driver's acceptance share, shrunk toward the prior by how few offers they have seen. Strictly inside (0, 1).</summary>
    public double HistoricalRate(DriverProfile profile)
    {
        profile.Validate();
        return (_options.Prior * _options.PriorStrength + profile.OffersAccepted) / (_options.PriorStrength + profile.OffersSeen);
    }

    /// <summary>The probability that the driver accepts an offer of <paramref name="amount"/> to move <paramref name="distanceKm"/>.</summary>
    public double Probability(DriverProfile profile, decimal amount, double distanceKm)
    {
        Guard.NonNegative(amount);
        Guard.NonNegative(distanceKm);
        var history = HistoricalRate(profile);
        var logit = Math.Log(history / (1 - history))
                    + _options.AmountSlope * ((double)amount - _options.ReferenceAmount)
                    - _options.DistanceSlope * (distanceKm - _options.ReferenceDistanceKm);
        return 1 / (1 + Math.Exp(-logit));
    }
}
