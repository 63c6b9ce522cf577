namespace SupplyGrid.Grains.Configuration;

/// <summary>How driver grains judge pings and run offers (configuration section <see cref="SectionName"/>).</summary>
public sealed class DriverOptions
{
    public const string SectionName = "Drivers";

    /// <summary>A move faster than this between two pings is an impossible jump (choice: 200 km/h).</summary>
    public double MaxPlausibleSpeedKmh { get; set; } = 200;

    /// <summary>
    /// After a jump, this many consecutive pings that are plausible from one another re-anchor the driver there
    /// (a real relocation, e.g. a swapped device), so one glitch cannot mark a driver suspect for good.
    /// </summary>
    public int SuspectRecoveryPings { get; set; } = 3;

    /// <summary>A driver re-announces itself to its cell at least this often, so the cell can expire silent drivers.</summary>
    public TimeSpan PresenceRefresh { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An offer without a reply expires after this (DOMAIN.md choice: 3 minutes).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Offers kept in a driver's history (the live one included).</summary>
    public int OfferHistory { get; set; } = 10;

    /// <summary>Acceptance rate assumed until the performance platform reports one (the brief's 68%).</summary>
    public double NewDriverAcceptanceRate { get; set; } = 0.68;

    /// <summary>Rating assumed until one is reported (choice: 4.5, halfway between the rating floor and top).</summary>
    public double NewDriverRating { get; set; } = 4.5;

    /// <summary>A dispatched job that never turned into a trip stops blocking the driver after this.</summary>
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromHours(3);

    public void Validate()
    {
        Check(MaxPlausibleSpeedKmh is > 0 and <= 2000, nameof(MaxPlausibleSpeedKmh), MaxPlausibleSpeedKmh, "must be greater than 0 and at most 2000 km/h");
        Check(SuspectRecoveryPings is >= 1 and <= 100, nameof(SuspectRecoveryPings), SuspectRecoveryPings, "must be 1 to 100");
        Check(PresenceRefresh > TimeSpan.Zero, nameof(PresenceRefresh), PresenceRefresh, "must be longer than zero");
        Check(ReplyTimeout > TimeSpan.Zero, nameof(ReplyTimeout), ReplyTimeout, "must be longer than zero");
        Check(OfferHistory is >= 1 and <= 100, nameof(OfferHistory), OfferHistory, "must be 1 to 100");
        Check(NewDriverAcceptanceRate is >= 0 and <= 1, nameof(NewDriverAcceptanceRate), NewDriverAcceptanceRate, "must be between 0 and 1");
        Check(NewDriverRating is >= 0 and <= 5, nameof(NewDriverRating), NewDriverRating, "must be between 0 and 5");
        Check(MaxJobDuration > TimeSpan.Zero, nameof(MaxJobDuration), MaxJobDuration, "must be longer than zero");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException($"{SectionName}:{name}", value, $"{SectionName}:{name} {rule}.");
    }
}
