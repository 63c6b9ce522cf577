using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A driver's performance figures from the performance platform (<see cref="Topics.DriverRealPerformance"/>, key driver_id).</summary>
public sealed record DriverRealPerformance : ITopicRecord
{
    [JsonRequired]
    public string EventId { get; set; } = "";

    [JsonRequired]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    public string DriverId { get; set; } = "";

    /// <summary>Share of offered jobs accepted, [0, 1].</summary>
    [JsonRequired]
    public double AcceptanceRate { get; set; }

    /// <summary>Share of accepted jobs cancelled by the driver, [0, 1].</summary>
    [JsonRequired]
    public double CancellationRate { get; set; }

    /// <summary>Average passenger rating, [0, 5].</summary>
    [JsonRequired]
    public double Rating { get; set; }

    /// <summary>Hours online in the reporting period.</summary>
    [JsonRequired]
    public double OnlineHours { get; set; }

    /// <summary>Trips completed in the reporting period.</summary>
    [JsonRequired]
    public int CompletedTrips { get; set; }

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
