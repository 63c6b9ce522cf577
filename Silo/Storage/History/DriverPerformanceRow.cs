using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>
/// A driver's performance at a time (driver_performance): the figures of ngp.pdcp.pfb.driver_real_performance and the
/// grid's own offer counts. Snapshots repeat, so rows may be dropped under overload.
/// </summary>
/// <param name="Rating">0 to 5, when the driver has one.</param>
public sealed record DriverPerformanceRow(
    string DriverId,
    DateTimeOffset AsOf,
    string CityId,
    double AcceptanceRate,
    double CancellationRate,
    double? Rating,
    double OnlineHours,
    string Tier,
    int OffersReceived,
    int OffersAccepted,
    int Arrivals) : IHistoryRow<DriverPerformanceRow>
{
    public static HistoryTableSchema Schema { get; } = new(
        "driver_performance",
        ["driver_id", "as_of", "city_id", "acceptance_rate", "cancellation_rate", "rating", "online_hours", "tier", "offers_received",
            "offers_accepted", "arrivals"],
        MayDrop: true);

    public void Validate()
    {
        RowCheck.Text(DriverId, nameof(DriverId));
        RowCheck.Text(CityId, nameof(CityId));
        RowCheck.Fraction(AcceptanceRate, nameof(AcceptanceRate));
        RowCheck.Fraction(CancellationRate, nameof(CancellationRate));
        if (Rating is { } rating && (!double.IsFinite(rating) || rating is < 0 or > 5))
            throw new ArgumentOutOfRangeException(nameof(Rating), rating, "must be between 0 and 5.");
        RowCheck.NonNegative(OnlineHours, nameof(OnlineHours));
        RowCheck.Text(Tier, nameof(Tier));
        RowCheck.NonNegative(OffersReceived, nameof(OffersReceived));
        RowCheck.NonNegative(OffersAccepted, nameof(OffersAccepted));
        RowCheck.NonNegative(Arrivals, nameof(Arrivals));
    }

    void IHistoryRow<DriverPerformanceRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(DriverId);
        importer.WriteInstant(AsOf);
        importer.WriteText(CityId);
        importer.Write(AcceptanceRate, NpgsqlDbType.Double);
        importer.Write(CancellationRate, NpgsqlDbType.Double);
        importer.WriteOptional(Rating, NpgsqlDbType.Double);
        importer.Write(OnlineHours, NpgsqlDbType.Double);
        importer.WriteText(Tier);
        importer.Write(OffersReceived, NpgsqlDbType.Integer);
        importer.Write(OffersAccepted, NpgsqlDbType.Integer);
        importer.Write(Arrivals, NpgsqlDbType.Integer);
    }
}
