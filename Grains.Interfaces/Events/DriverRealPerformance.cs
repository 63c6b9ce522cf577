using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A driver's performance figures from the performance platform (<see cref="Topics.DriverRealPerformance"/>, key driver_id).</summary>
[GenerateSerializer, Alias("supplygrid.DriverRealPerformance"), Immutable]
public sealed record DriverRealPerformance : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string DriverId { get; set; } = "";

    /// <summary>Share of offered jobs accepted, [0, 1].</summary>
    [JsonRequired]
    [Id(3)]
    public double AcceptanceRate { get; set; }

    /// <summary>Share of accepted jobs cancelled by the driver, [0, 1].</summary>
    [JsonRequired]
    [Id(4)]
    public double CancellationRate { get; set; }

    /// <summary>Average passenger rating, [0, 5].</summary>
    [JsonRequired]
    [Id(5)]
    public double Rating { get; set; }

    /// <summary>Hours online in the reporting period.</summary>
    [JsonRequired]
    [Id(6)]
    public double OnlineHours { get; set; }

    /// <summary>Trips completed in the reporting period.</summary>
    [JsonRequired]
    [Id(7)]
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
