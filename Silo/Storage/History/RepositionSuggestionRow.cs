using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>
/// One step in the life of a reposition offer (reposition_suggestions): offered, then accepted, declined or expired,
/// then arrived or failed; with the reason and the figures behind it. Keyed by offer id and status.
/// </summary>
/// <param name="OriginCell">Where the driver was when offered; null when the recorder does not know (the grid's offer port).</param>
/// <param name="DistanceKm">Null when unknown, as <paramref name="OriginCell"/>.</param>
/// <param name="EtaSeconds">Null when unknown, as <paramref name="OriginCell"/>.</param>
/// <param name="Details">The figures behind the decision (ratio, urgency, tier, acceptance probability, ...), as a JSON object.</param>
public sealed record RepositionSuggestionRow(
    string OfferId,
    string Status,
    DateTimeOffset OccurredAt,
    string CityId,
    string DriverId,
    long? OriginCell,
    long TargetCell,
    string? CampaignId,
    decimal Amount,
    string Currency,
    double? DistanceKm,
    int? EtaSeconds,
    string Reason,
    JsonElement? Details = null) : IHistoryRow<RepositionSuggestionRow>
{
    public static IReadOnlyList<string> Statuses { get; } = ["offered", "accepted", "declined", "expired", "arrived", "failed"];

    public static HistoryTableSchema Schema { get; } = new(
        "reposition_suggestions",
        ["offer_id", "status", "occurred_at", "city_id", "driver_id", "origin_cell", "target_cell", "campaign_id", "amount", "currency",
            "distance_km", "eta_seconds", "reason", "details"],
        MayDrop: false);

    public void Validate()
    {
        RowCheck.Text(OfferId, nameof(OfferId));
        RowCheck.OneOf(Status, Statuses, nameof(Status));
        RowCheck.Text(CityId, nameof(CityId));
        RowCheck.Text(DriverId, nameof(DriverId));
        if (OriginCell is <= 0)
            throw new ArgumentOutOfRangeException(nameof(OriginCell), OriginCell, "must be a valid (positive) H3 index.");
        if (TargetCell <= 0)
            throw new ArgumentOutOfRangeException(nameof(TargetCell), TargetCell, "must be a valid (positive) H3 index.");
        RowCheck.OptionalText(CampaignId, nameof(CampaignId));
        RowCheck.Money(Amount, nameof(Amount));
        RowCheck.Currency(Currency, nameof(Currency));
        if (DistanceKm is { } distance)
            RowCheck.NonNegative(distance, nameof(DistanceKm));
        if (EtaSeconds is { } eta)
            RowCheck.NonNegative(eta, nameof(EtaSeconds));
        RowCheck.Text(Reason, nameof(Reason));
        RowCheck.OptionalJson(Details, nameof(Details));
    }

    void IHistoryRow<RepositionSuggestionRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(OfferId);
        importer.WriteText(Status);
        importer.WriteInstant(OccurredAt);
        importer.WriteText(CityId);
        importer.WriteText(DriverId);
        importer.WriteOptional(OriginCell, NpgsqlDbType.Bigint);
        importer.Write(TargetCell, NpgsqlDbType.Bigint);
        importer.WriteOptionalText(CampaignId);
        importer.WriteMoney(Amount);
        importer.WriteCurrency(Currency);
        importer.WriteOptional(DistanceKm, NpgsqlDbType.Double);
        importer.WriteOptional(EtaSeconds, NpgsqlDbType.Integer);
        importer.WriteText(Reason);
        importer.WriteOptionalJson(Details);
    }
}
