using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Messaging;

/// <summary>The figures behind an offer, so the terminal (and anyone auditing) can show why it was made.</summary>
public sealed record MdtReasonFigures
{
    /// <summary>Smoothed available drivers in the target cell.</summary>
    public required double Supply { get; init; }

    /// <summary>Smoothed expected bookings in the target cell.</summary>
    public required double Demand { get; init; }

    /// <summary>Supply over demand; below 0.5 the cell is undersupplied.</summary>
    public required double Ratio { get; init; }

    /// <summary>From the driver's position to the cell centre.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Expected drive to the cell.</summary>
    public double? TravelMinutes { get; init; }

    internal string? Validate() =>
        FieldRules.NonNegative(Supply, "payload.reason.supply")
        ?? FieldRules.NonNegative(Demand, "payload.reason.demand")
        ?? FieldRules.NonNegative(Ratio, "payload.reason.ratio")
        ?? (DistanceKm is { } km ? FieldRules.NonNegative(km, "payload.reason.distance_km") : null)
        ?? (TravelMinutes is { } minutes ? FieldRules.NonNegative(minutes, "payload.reason.travel_minutes") : null);
}
