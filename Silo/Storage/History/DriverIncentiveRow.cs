using Npgsql;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>
/// One entry of the incentive ledger (driver_incentives): reserve on offer, commit on arrival (the amount paid),
/// release on decline, expiry or failure. (CampaignId, OfferId, Kind) is unique, so an entry is stored exactly once
/// however often it is written. Ledger rows are never dropped: a full buffer makes the writer wait.
/// </summary>
/// <param name="Kind">reserve, commit or release.</param>
public sealed record DriverIncentiveRow(
    string CampaignId,
    string OfferId,
    string Kind,
    string DriverId,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt,
    string Reason) : IHistoryRow<DriverIncentiveRow>
{
    public static IReadOnlyList<string> Kinds { get; } = ["reserve", "commit", "release"];

    public static HistoryTableSchema Schema { get; } = new(
        "driver_incentives",
        ["campaign_id", "offer_id", "kind", "driver_id", "amount", "currency", "occurred_at", "reason"],
        MayDrop: false);

    public void Validate()
    {
        RowCheck.Text(CampaignId, nameof(CampaignId));
        RowCheck.Text(OfferId, nameof(OfferId));
        RowCheck.OneOf(Kind, Kinds, nameof(Kind));
        RowCheck.Text(DriverId, nameof(DriverId));
        RowCheck.Money(Amount, nameof(Amount));
        RowCheck.Currency(Currency, nameof(Currency));
        RowCheck.Text(Reason, nameof(Reason));
    }

    void IHistoryRow<DriverIncentiveRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.WriteText(CampaignId);
        importer.WriteText(OfferId);
        importer.WriteText(Kind);
        importer.WriteText(DriverId);
        importer.WriteMoney(Amount);
        importer.WriteCurrency(Currency);
        importer.WriteInstant(OccurredAt);
        importer.WriteText(Reason);
    }
}
