using Npgsql;

namespace SupplyGrid.Runtime.Postgres.History;

/// <summary>
/// Writes one batch of history rows in one transaction: binary COPY into a temporary staging table, then
/// INSERT ... SELECT ... ON CONFLICT DO NOTHING into the table, so that rows whose key is already stored (replays)
/// are skipped instead of failing the whole COPY.
/// </summary>
internal static class HistoryCopy
{
    /// <returns>The rows the table gained.</returns>
    public static async Task<int> WriteAsync<TRow>(NpgsqlConnection connection, ArraySegment<HistoryEntry<TRow>> rows, CancellationToken cancellationToken)
        where TRow : IHistoryRow<TRow>
    {
        var schema = TRow.Schema;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE history_staging (LIKE {schema.Table} INCLUDING DEFAULTS) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY history_staging ({schema.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var entry in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                entry.Row.Write(importer);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        int inserted;
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {schema.Table} ({schema.ColumnList}) SELECT {schema.ColumnList} FROM history_staging ON CONFLICT DO NOTHING", connection))
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }
}
