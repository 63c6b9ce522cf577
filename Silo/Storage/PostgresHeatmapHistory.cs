using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Api.History;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Postgres;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// The heatmap history read from supply_demand_metrics (one row per cell per minute, written by the cells): the city
/// per minute is the sum over its cells' rows of that minute, a cell's points are its rows. Expected demand is what
/// the table keeps of it, bookings plus forecast (event demand is not recorded).
/// </summary>
internal sealed class PostgresHeatmapHistory(PostgresDatabase database, CityDirectory cities) : IHeatmapHistory
{
    private const string CitySql = """
        SELECT minute,
               count(*)::int,
               count(*) FILTER (WHERE status IN ('critical', 'undersupplied'))::int,
               count(*) FILTER (WHERE status = 'oversupplied')::int,
               sum(supply)::int,
               sum(demand + forecast_demand)
        FROM supply_demand_metrics
        WHERE city_id = $1 AND minute >= $2 AND minute < $3
        GROUP BY minute
        ORDER BY minute
        """;

    private const string CellSql = """
        SELECT minute, supply, smoothed_supply, smoothed_demand, demand + forecast_demand, ratio, status, surge_multiplier
        FROM supply_demand_metrics
        WHERE h3_cell = $1 AND minute >= $2 AND minute < $3 AND city_id = $4
        ORDER BY minute
        """;

    // The unmet share is SurgeZoneFigures.UnmetShare, per row.
    private const string SurgeZonesSql = """
        SELECT h3_cell,
               count(*)::int,
               count(*) FILTER (WHERE surge_multiplier > 1)::int,
               avg(surge_multiplier),
               avg(CASE WHEN smoothed_demand > 0 THEN greatest(smoothed_demand - smoothed_supply, 0) / smoothed_demand ELSE 0 END),
               avg(smoothed_supply),
               avg(smoothed_demand)
        FROM supply_demand_metrics
        WHERE city_id = $1 AND minute >= $2 AND minute < $3
        GROUP BY h3_cell
        HAVING bool_or(surge_multiplier > 1)
        """;

    public Task<IReadOnlyList<CityHistoryPoint>> GetCityAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var imbalance = cities.Get(cityId).Imbalance;
        return QueryAsync("read city history", CitySql, [Text(cityId), Instant(from), Instant(to)], reader =>
        {
            var drivers = reader.GetInt32(4);
            var expected = reader.GetDouble(5);
            return new CityHistoryPoint(Minute(reader), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), drivers, expected,
                imbalance.Assess(drivers, expected).Ratio);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<CellHistoryPoint>> GetCellAsync(string cityId, string cell, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var index = H3Index.Parse(cell);
        return QueryAsync("read cell history", CellSql,
            [new NpgsqlParameter { Value = (long)index.Value, NpgsqlDbType = NpgsqlDbType.Bigint }, Instant(from), Instant(to), Text(cityId)],
            reader => new CellHistoryPoint(Minute(reader), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), GridHistoryRows.ParseSupplyStatus(reader.GetString(6)), reader.GetDouble(7)),
            cancellationToken);
    }

    public Task<IReadOnlyList<SurgeZoneFigures>> GetSurgeZonesAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync("read surge zones", SurgeZonesSql, [Text(cityId), Instant(from), Instant(to)],
            reader => new SurgeZoneFigures(new H3Index((ulong)reader.GetInt64(0)).ToString(), reader.GetInt32(1), reader.GetInt32(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6)),
            cancellationToken);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string operation, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<T>>(operation, async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand(sql);
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
                rows.Add(read(reader));
            return rows;
        }, cancellationToken);

    private static DateTimeOffset Minute(NpgsqlDataReader reader) => new(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero);

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Instant(DateTimeOffset value) => new() { Value = value.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
