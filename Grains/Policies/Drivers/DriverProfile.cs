namespace SupplyGrid.Grains.Policies;

/// <summary>What the grid knows of a driver's track record.</summary>
/// <param name="AcceptanceRate">Share of dispatched jobs accepted, 0..1 (driver_real_performance).</param>
/// <param name="CancellationRate">Share of accepted jobs cancelled, 0..1.</param>
/// <param name="Rating">Average rider rating, 0..5.</param>
/// <param name="Trips">Completed trips.</param>
/// <param name="OffersSeen">Reposition/incentive offers the driver answered or let expire.</param>
/// <param name="OffersAccepted">Of those, how many were accepted.</param>
public readonly record struct DriverProfile(
    double AcceptanceRate,
    double CancellationRate,
    double Rating,
    int Trips,
    int OffersSeen,
    int OffersAccepted)
{
    public void Validate()
    {
        Guard.Fraction(AcceptanceRate);
        Guard.Fraction(CancellationRate);
        RatingScale.Validate(Rating);
        Guard.NonNegative(Trips);
        Guard.NonNegative(OffersSeen);
        Guard.NonNegative(OffersAccepted);
        if (OffersAccepted > OffersSeen)
        {
            throw new ArgumentOutOfRangeException(nameof(OffersAccepted), OffersAccepted,
                $"{nameof(OffersAccepted)} must not exceed {nameof(OffersSeen)} ({OffersSeen}).");
        }
    }
}
