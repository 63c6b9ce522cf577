namespace SupplyGrid.Grains.Events;

/// <summary>A driver's performance figures from the performance platform (<see cref="Topics.DriverRealPerformance"/>, key driver_id).</summary>
public sealed record DriverRealPerformance : ITopicRecord
{
    public required string EventId { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string DriverId { get; init; }

    /// <summary>Share of offered jobs accepted, [0, 1].</summary>
    public required double AcceptanceRate { get; init; }

    /// <summary>Share of accepted jobs cancelled by the driver, [0, 1].</summary>
    public required double CancellationRate { get; init; }

    /// <summary>Average passenger rating, [0, 5].</summary>
    public required double Rating { get; init; }

    /// <summary>Hours online in the reporting period.</summary>
    public required double OnlineHours { get; init; }

    /// <summary>Trips completed in the reporting period.</summary>
    public required int CompletedTrips { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Fraction(AcceptanceRate, "acceptance_rate")
        ?? FieldRules.Fraction(CancellationRate, "cancellation_rate")
        ?? FieldRules.InRange(Rating, 0, 5, "rating")
        ?? FieldRules.NonNegative(OnlineHours, "online_hours")
        ?? FieldRules.NonNegative(CompletedTrips, "completed_trips");
}
