namespace SupplyGrid.Grains.Events;

/// <summary>
/// The configurable bounds of event validation, bound from <see cref="SectionName"/>. The fixed rules (coordinate
/// ranges, id length, rates) are part of the topic contracts and are not options.
/// </summary>
public sealed record EventValidationOptions
{
    public const string SectionName = "Events:Validation";

    /// <summary>An event whose time is further in the past is rejected: a replay of stale data, or a broken clock.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far ahead of the grid's clock an event time may be (producers' clocks drift).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest trip an upload_trip may report.</summary>
    public TimeSpan MaxTripDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Throws on a negative bound, or a zero one where zero would reject every event.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Names the offending option.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxEventAge, TimeSpan.Zero, nameof(MaxEventAge));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClockSkew, TimeSpan.Zero, nameof(MaxClockSkew));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTripDuration, TimeSpan.Zero, nameof(MaxTripDuration));
    }
}
