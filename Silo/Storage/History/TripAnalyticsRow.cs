using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>A completed trip (trip_analytics, from ngp.me.trip.upload_trip), keyed by trip id.</summary>
/// <param name="PickupWaitSeconds">From booking to pickup, when known.</param>
/// <param name="RepositionOfferId">The accepted reposition offer that brought the driver to the pickup area, if any.</param>
public sealed record TripAnalyticsRow(
    string TripId,
    string DriverId,
    string CityId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long PickupCell,
    long DropoffCell,
    double DistanceKm,
    decimal Fare,
    decimal DriverEarnings,
    string Currency,
    int? PickupWaitSeconds = null,
    string? RepositionOfferId = null) : IHistoryRow<TripAnalyticsRow>
{
    public static HistoryTableSchema Schema { get; } = new(
        "trip_analytics",
        ["trip_id", "driver_id", "city_id", "started_at", "ended_at", "pickup_cell", "dropoff_cell", "distance_km", "fare", "driver_earnings",
            "currency", "pickup_wait_seconds", "reposition_offer_id"],
        MayDrop: false);

    public void Validate()
    {
        RowCheck.Text(TripId, nameof(TripId));
        RowCheck.Text(DriverId, nameof(DriverId));
        RowCheck.Text(CityId, nameof(CityId));
        if (EndedAt < StartedAt)
            throw new ArgumentOutOfRangeException(nameof(EndedAt), EndedAt, $"must not be before {nameof(StartedAt)} ({StartedAt:O}).");
        if (PickupCell <= 0)
            throw new ArgumentOutOfRangeException(nameof(PickupCell), PickupCell, "must be a valid (positive) H3 index.");
        if (DropoffCell <= 0)
            throw new ArgumentOutOfRangeException(nameof(DropoffCell), DropoffCell, "must be a valid (positive) H3 index.");
        RowCheck.NonNegative(DistanceKm, nameof(DistanceKm));
        RowCheck.Money(Fare, nameof(Fare));
        RowCheck.Money(DriverEarnings, nameof(DriverEarnings));
        RowCheck.Currency(Currency, nameof(Currency));
        if (PickupWaitSeconds is { } wait)
            RowCheck.NonNegative(wait, nameof(PickupWaitSeconds));
        RowCheck.OptionalText(RepositionOfferId, nameof(RepositionOfferId));
    }

    void IHistoryRow<TripAnalyticsRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(TripId);
        importer.WriteText(DriverId);
        importer.WriteText(CityId);
        importer.WriteInstant(StartedAt);
        importer.WriteInstant(EndedAt);
        importer.Write(PickupCell, NpgsqlDbType.Bigint);
        importer.Write(DropoffCell, NpgsqlDbType.Bigint);
        importer.Write(DistanceKm, NpgsqlDbType.Double);
        importer.WriteMoney(Fare);
        importer.WriteMoney(DriverEarnings);
        importer.WriteCurrency(Currency);
        importer.WriteOptional(PickupWaitSeconds, NpgsqlDbType.Integer);
        importer.WriteOptionalText(RepositionOfferId);
    }
}
