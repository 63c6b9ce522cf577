namespace SupplyGrid.Simulator;

/// <summary>
/// What a trip costs the rider: flag-down + per road km + per minute, never below a minimum; the driver keeps a share.
/// Amounts are rounded to cents (half away from zero); the driver's share is rounded down to the cent.
/// </summary>
public sealed record FareTariff
{
    public FareTariff(string currency, decimal flagDown, decimal perKm, decimal perMinute, decimal minimum, decimal driverShare)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"currency must be a three-letter ISO 4217 code such as SGD (was '{currency}').", nameof(currency));
        Currency = currency;
        FlagDown = Guard.NonNegative(flagDown);
        PerKm = Guard.NonNegative(perKm);
        PerMinute = Guard.NonNegative(perMinute);
        Minimum = Guard.NonNegative(minimum);
        DriverShare = Guard.Fraction(driverShare);
    }

    public string Currency { get; }

    public decimal FlagDown { get; }

    public decimal PerKm { get; }

    public decimal PerMinute { get; }

    public decimal Minimum { get; }

    /// <summary>The driver's share of the fare, [0, 1]; the rest is the platform's commission.</summary>
    public decimal DriverShare { get; }

    public decimal Fare(double roadKm, double minutes)
    {
        Guard.NonNegative(roadKm);
        Guard.NonNegative(minutes);
        // Metered like a taximeter: whole metres and hundredths of a minute, so a fare never hinges on float noise.
        decimal fare = FlagDown + PerKm * (decimal)Math.Round(roadKm, 3) + PerMinute * (decimal)Math.Round(minutes, 2);
        return Math.Round(Math.Max(Minimum, fare), 2, MidpointRounding.AwayFromZero);
    }

    public decimal DriverEarnings(decimal fare) => Math.Round(fare * DriverShare, 2, MidpointRounding.ToZero);
}
