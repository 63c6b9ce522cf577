using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// A place that holds an event on a schedule: riders travel to it before the start and leave in a surge around the
/// end (see <see cref="DemandOptions.EventBookings"/>).
/// </summary>
public sealed record Venue
{
    public Venue(string name, LatLng location, double radiusKm, TimeSpan localStart, TimeSpan duration, IReadOnlyList<DayOfWeek>? days = null)
    {
        Name = Guard.NotBlank(name);
        Location = Guard.Point(location);
        RadiusKm = Guard.Positive(radiusKm);
        if (localStart < TimeSpan.Zero || localStart >= TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(localStart), localStart, "localStart must be a time of day in [00:00, 24:00).");
        LocalStart = localStart;
        Duration = Guard.Positive(duration);
        if (duration > TimeSpan.FromHours(12))
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "duration must be at most 12 hours.");
        Days = days is null || days.Count == 0 ? Enum.GetValues<DayOfWeek>() : [.. days.Distinct()];
    }

    public string Name { get; }

    public LatLng Location { get; }

    public double RadiusKm { get; }

    /// <summary>When the event starts, local time.</summary>
    public TimeSpan LocalStart { get; }

    public TimeSpan Duration { get; }

    /// <summary>The days of the week (local date of the start) with an event; every day when none were given.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }
}
