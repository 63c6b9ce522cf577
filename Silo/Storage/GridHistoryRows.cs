using System.Text.Json;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Silo.Storage.History;

namespace SupplyGrid.Silo.Storage;

/// <summary>The history rows of the PostgreSQL tables made from what the grains report through <see cref="IAnalyticsSink"/>.</summary>
internal static class GridHistoryRows
{
    /// <summary>One row per cell and minute: the first figures the cell computed in that minute.</summary>
    public static SupplyDemandMetricRow Metric(CellSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SupplyDemandMetricRow(
            CellValue(snapshot.Cell, nameof(snapshot.Cell)),
            MinuteOf(snapshot.At),
            snapshot.CityId,
            snapshot.Drivers,
            snapshot.Bookings,
            snapshot.Supply,
            snapshot.Demand,
            snapshot.ForecastDemand,
            snapshot.Ratio,
            Wire(snapshot.Status),
            snapshot.Surge);
    }

    /// <summary>
    /// An offer transition. The port does not carry the driver's origin, the distance or the ETA (stored as null); what
    /// an arrival paid goes to details.paid.
    /// </summary>
    public static RepositionSuggestionRow Offer(OfferHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = Wire(row.State);
        return new RepositionSuggestionRow(
            row.OfferId,
            status,
            row.At,
            row.CityId,
            row.DriverId,
            OriginCell: null,
            CellValue(row.TargetCell, nameof(row.TargetCell)),
            string.IsNullOrEmpty(row.CampaignId) ? null : row.CampaignId,
            row.Amount,
            row.Currency,
            DistanceKm: null,
            EtaSeconds: null,
            string.IsNullOrWhiteSpace(row.Reason) ? status : row.Reason,
            row.Paid > 0 ? JsonSerializer.SerializeToElement(new PaidDetails(row.Paid)) : null);
    }

    /// <summary>A ledger movement; a quest award is a commit whose entry is the award id.</summary>
    public static DriverIncentiveRow Ledger(LedgerHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (kind, reason) = row.Movement switch
        {
            LedgerMovement.Reserved => ("reserve", "offer reserved"),
            LedgerMovement.Committed => ("commit", "offer paid"),
            LedgerMovement.Released => ("release", "offer released"),
            LedgerMovement.Awarded => ("commit", "quest award"),
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Movement, "Unknown ledger movement."),
        };
        return new DriverIncentiveRow(row.CampaignId, row.EntryId, kind, row.DriverId, row.Amount, row.Currency, row.At, reason);
    }

    /// <summary>
    /// A campaign version. Its version is the last-change time in microseconds, so the same change recorded again after
    /// a restart is stored once. An open-ended pool ends at infinity; no cap of its own is null (the city's applies).
    /// </summary>
    public static IncentiveCampaignRow Campaign(CampaignView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var definition = view.Definition;
        var cells = new long[definition.TargetCells.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = CellValue(definition.TargetCells[i], $"{nameof(definition.TargetCells)}[{i}]");
        return new IncentiveCampaignRow(
            view.Id,
            VersionOf(view.UpdatedAt),
            view.UpdatedAt,
            definition.CityId,
            Wire(definition.Kind),
            definition.Name,
            Wire(view.Status),
            definition.Budget,
            view.Reserved,
            view.Spent,
            view.Currency,
            definition.StartsAt,
            definition.EndsAt ?? DateTimeOffset.MaxValue,
            definition.PerDriverDailyCap,
            cells);
    }

    /// <summary>Microseconds since the Unix epoch: the resolution PostgreSQL keeps of a time.</summary>
    public static long VersionOf(DateTimeOffset changedAt) => (changedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static string Wire(SupplyStatus status) => status switch
    {
        SupplyStatus.Critical => "critical",
        SupplyStatus.Undersupplied => "undersupplied",
        SupplyStatus.Balanced => "balanced",
        SupplyStatus.Oversupplied => "oversupplied",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown supply status."),
    };

    public static SupplyStatus ParseSupplyStatus(string status) => status switch
    {
        "critical" => SupplyStatus.Critical,
        "undersupplied" => SupplyStatus.Undersupplied,
        "balanced" => SupplyStatus.Balanced,
        "oversupplied" => SupplyStatus.Oversupplied,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown supply status."),
    };

    private static string Wire(OfferState state) => state switch
    {
        OfferState.Offered => "offered",
        OfferState.Accepted => "accepted",
        OfferState.Declined => "declined",
        OfferState.Expired => "expired",
        OfferState.Arrived => "arrived",
        OfferState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown offer state."),
    };

    private static string Wire(CampaignKind kind) => kind switch
    {
        CampaignKind.RepositionPool => "reposition_bonus",
        CampaignKind.Quest => "quest",
        CampaignKind.Event => "event",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown campaign kind."),
    };

    private static string Wire(CampaignStatus status) => status switch
    {
        CampaignStatus.Scheduled => "scheduled",
        CampaignStatus.Active => "active",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Exhausted => "exhausted",
        CampaignStatus.Ended => "ended",
        CampaignStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown campaign status."),
    };

    private static long CellValue(string cell, string field) =>
        H3Index.TryParse(cell, out var index) && H3.IsValidCell(index)
            ? (long)index.Value
            : throw new ArgumentException($"'{cell}' is not an H3 cell index.", field);

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private sealed record PaidDetails([property: System.Text.Json.Serialization.JsonPropertyName("paid")] decimal Paid);
}
