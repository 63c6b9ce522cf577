using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>
/// One version of an incentive campaign as its grain holds it (incentive_campaigns): a row per campaign and state
/// version, so the table is the campaign's history and incentive_campaigns_current its latest state.
/// </summary>
/// <param name="Version">Increases with every change of the campaign; the grid uses its last-change time in microseconds since the Unix epoch.</param>
/// <param name="Kind">reposition_bonus, quest or event.</param>
/// <param name="EndsAt">The end of the window; <see cref="DateTimeOffset.MaxValue"/> for an open-ended campaign (stored as infinity).</param>
/// <param name="DriverDailyCap">The campaign's own per-driver daily cap; null: the city's.</param>
/// <param name="TargetCells">H3 indexes of the cells the campaign targets (empty: the whole city).</param>
public sealed record IncentiveCampaignRow(
    string CampaignId,
    long Version,
    DateTimeOffset RecordedAt,
    string CityId,
    string Kind,
    string Name,
    string Status,
    decimal Budget,
    decimal Reserved,
    decimal Spent,
    string Currency,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    decimal? DriverDailyCap,
    long[] TargetCells,
    JsonElement? Details = null) : IHistoryRow<IncentiveCampaignRow>
{
    public static IReadOnlyList<string> Kinds { get; } = ["reposition_bonus", "quest", "event"];

    public static HistoryTableSchema Schema { get; } = new(
        "incentive_campaigns",
        ["campaign_id", "version", "recorded_at", "city_id", "kind", "name", "status", "budget", "reserved", "spent", "currency",
            "starts_at", "ends_at", "driver_daily_cap", "target_cells", "details"],
        MayDrop: false);

    public void Validate()
    {
        RowCheck.Text(CampaignId, nameof(CampaignId));
        if (Version < 1)
            throw new ArgumentOutOfRangeException(nameof(Version), Version, "must be 1 or more.");
        RowCheck.Text(CityId, nameof(CityId));
        RowCheck.OneOf(Kind, Kinds, nameof(Kind));
        RowCheck.Text(Name, nameof(Name));
        RowCheck.Text(Status, nameof(Status));
        RowCheck.Money(Budget, nameof(Budget));
        RowCheck.Money(Reserved, nameof(Reserved));
        RowCheck.Money(Spent, nameof(Spent));
        if (Spent + Reserved > Budget)
            throw new ArgumentOutOfRangeException(nameof(Spent), Spent, $"spent plus reserved ({Spent + Reserved}) exceeds the budget ({Budget}).");
        RowCheck.Currency(Currency, nameof(Currency));
        if (EndsAt <= StartsAt)
            throw new ArgumentOutOfRangeException(nameof(EndsAt), EndsAt, $"must be after {nameof(StartsAt)} ({StartsAt:O}).");
        if (DriverDailyCap is { } cap)
            RowCheck.Money(cap, nameof(DriverDailyCap));
        ArgumentNullException.ThrowIfNull(TargetCells, nameof(TargetCells));
        if (Array.Exists(TargetCells, c => c <= 0))
            throw new ArgumentException("Every target cell must be a valid (positive) H3 index.", nameof(TargetCells));
        RowCheck.OptionalJson(Details, nameof(Details));
    }

    void IHistoryRow<IncentiveCampaignRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(CampaignId);
        importer.Write(Version, NpgsqlDbType.Bigint);
        importer.WriteInstant(RecordedAt);
        importer.WriteText(CityId);
        importer.WriteText(Kind);
        importer.WriteText(Name);
        importer.WriteText(Status);
        importer.WriteMoney(Budget);
        importer.WriteMoney(Reserved);
        importer.WriteMoney(Spent);
        importer.WriteCurrency(Currency);
        importer.WriteInstant(StartsAt);
        importer.WriteInstant(EndsAt);
        importer.WriteOptional(DriverDailyCap, NpgsqlDbType.Numeric);
        importer.Write(TargetCells, NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        importer.WriteOptionalJson(Details);
    }
}
