using Orleans;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Messaging;

/// <summary>The figures behind an offer, so the terminal (and anyone auditing) can show why it was made.</summary>
[GenerateSerializer, Alias("supplygrid.MdtReasonFigures"), Immutable]
public sealed record MdtReasonFigures
{
    /// <summary>Smoothed available drivers in the target cell.</summary>
    [Id(0)]
    public required double Supply { get; init; }

    /// <summary>Smoothed expected bookings in the target cell.</summary>
    [Id(1)]
    public required double Demand { get; init; }

    /// <summary>Supply over demand; below 0.5 the cell is undersupplied.</summary>
    [Id(2)]
    public required double Ratio { get; init; }

    /// <summary>From the driver's position to the cell centre.</summary>
    [Id(3)]
    public double? DistanceKm { get; init; }

    /// <summary>Expected drive to the cell.</summary>
    [Id(4)]
    public double? TravelMinutes { get; init; }

    internal string? Validate() =>
        FieldRules.NonNegative(Supply, "payload.reason.supply")
        ?? FieldRules.NonNegative(Demand, "payload.reason.demand")
        ?? FieldRules.NonNegative(Ratio, "payload.reason.ratio")
        ?? (DistanceKm is { } km ? FieldRules.NonNegative(km, "payload.reason.distance_km") : null)
        ?? (TravelMinutes is { } minutes ? FieldRules.NonNegative(minutes, "payload.reason.travel_minutes") : null);
}
