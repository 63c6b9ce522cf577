namespace SupplyGrid.Simulator;

/// <summary>The generated demand of a city (configuration section <see cref="SectionName"/>).</summary>
public sealed record DemandOptions
{
    public const string SectionName = "Simulator:Demand";

    /// <summary>
    /// Bookings per hour averaged over the day, from the zones and "elsewhere"; the hours differ by the zones'
    /// profiles. The brief speaks of about 8,000 per hour for a large city; the default suits the default fleet of
    /// 2,000 drivers (about a third of them online at a time), which then serves about three bookings in four, short
    /// of drivers in the peaks and after the stadium empties.
    /// </summary>
    public double BookingsPerHour { get; set; } = 800;

    /// <summary>Extra bookings leaving a venue around the end of each event.</summary>
    public double EventBookings { get; set; } = 600;

    /// <summary>Extra bookings to the venue before each event, as a share of <see cref="EventBookings"/>.</summary>
    public double EventArrivalShare { get; set; } = 0.5;

    /// <summary>Distance decay of the destination choice: a zone this far away is e (2.7) times less attractive.</summary>
    public double TripDecayKm { get; set; } = 8;

    /// <summary>A destination closer than this to the pickup is redrawn (up to 10 times): nobody books a 200 m ride.</summary>
    public double MinTripKm { get; set; } = 1;

    public void Validate()
    {
        Guard.NonNegative(BookingsPerHour);
        Guard.NonNegative(EventBookings);
        Guard.NonNegative(EventArrivalShare);
        Guard.Positive(TripDecayKm);
        Guard.NonNegative(MinTripKm);
    }
}
