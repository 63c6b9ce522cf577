using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Silo.Storage.History;

/// <summary>What one H3 cell saw and decided in one minute (supply_demand_metrics). Rows may be dropped under overload.</summary>
/// <param name="H3Cell">The cell's H3 index (resolution 8) as its 64-bit value.</param>
/// <param name="Minute">The minute, a whole minute (any offset; stored in UTC).</param>
/// <param name="Status">critical, undersupplied, balanced or oversupplied.</param>
public sealed record SupplyDemandMetricRow(
    long H3Cell,
    DateTimeOffset Minute,
    string CityId,
    int Supply,
    int Demand,
    double SmoothedSupply,
    double SmoothedDemand,
    double ForecastDemand,
    double Ratio,
    string Status,
    double SurgeMultiplier) : IHistoryRow<SupplyDemandMetricRow>
{
    public static IReadOnlyList<string> Statuses { get; } = ["critical", "undersupplied", "balanced", "oversupplied"];

    public static HistoryTableSchema Schema { get; } = new(
        "supply_demand_metrics",
        ["h3_cell", "minute", "city_id", "supply", "demand", "smoothed_supply", "smoothed_demand", "forecast_demand", "ratio", "status", "surge_multiplier"],
        MayDrop: true);

    public void Validate()
    {
        if (H3Cell <= 0)
            throw new ArgumentOutOfRangeException(nameof(H3Cell), H3Cell, "must be a valid (positive) H3 index.");
        if (Minute.UtcTicks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentException($"{Minute:O} is not a whole minute.", nameof(Minute));
        RowCheck.Text(CityId, nameof(CityId));
        RowCheck.NonNegative(Supply, nameof(Supply));
        RowCheck.NonNegative(Demand, nameof(Demand));
        RowCheck.NonNegative(SmoothedSupply, nameof(SmoothedSupply));
        RowCheck.NonNegative(SmoothedDemand, nameof(SmoothedDemand));
        RowCheck.NonNegative(ForecastDemand, nameof(ForecastDemand));
        RowCheck.NonNegative(Ratio, nameof(Ratio));
        RowCheck.OneOf(Status, Statuses, nameof(Status));
        if (!double.IsFinite(SurgeMultiplier) || SurgeMultiplier < 1)
            throw new ArgumentOutOfRangeException(nameof(SurgeMultiplier), SurgeMultiplier, "must be 1 or more.");
    }

    void IHistoryRow<SupplyDemandMetricRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.Write(H3Cell, NpgsqlDbType.Bigint);
        importer.WriteInstant(Minute);
        importer.WriteText(CityId);
        importer.Write(Supply, NpgsqlDbType.Integer);
        importer.Write(Demand, NpgsqlDbType.Integer);
        importer.Write(SmoothedSupply, NpgsqlDbType.Double);
        importer.Write(SmoothedDemand, NpgsqlDbType.Double);
        importer.Write(ForecastDemand, NpgsqlDbType.Double);
        importer.Write(Ratio, NpgsqlDbType.Double);
        importer.WriteText(Status);
        importer.Write(SurgeMultiplier, NpgsqlDbType.Double);
    }
}
