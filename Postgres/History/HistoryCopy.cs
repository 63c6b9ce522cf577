using Npgsql;

namespace SupplyGrid.Postgres.History;

/// <summary>
/// Writes one batch of history rows in one transaction with binary COPY. Rows are new almost always, so the batch is
/// first copied straight into the table; if a row's key is already stored (a replay after a restart, a redelivered
/// event), that COPY fails as a whole and the batch goes again through a temporary staging table and
/// INSERT ... ON CONFLICT DO NOTHING, which skips the rows already there. Either way each key is stored once.
/// </summary>
internal static class HistoryCopy
{
    private const string UniqueViolation = "23505";

    /// <returns>The rows the table gained.</returns>
    public static async Task<int> WriteAsync<TRow>(NpgsqlConnection connection, ArraySegment<HistoryEntry<TRow>> rows, CancellationToken cancellationToken)
        where TRow : IHistoryRow<TRow>
    {
        var schema = TRow.Schema;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await CopyAsync(connection, schema.Table, schema, rows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return rows.Count;
            }
            catch (PostgresException error) when (error.SqlState == UniqueViolation)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, $"CREATE TEMP TABLE history_staging (LIKE {schema.Table} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
            await CopyAsync(connection, "history_staging", schema, rows, cancellationToken);
            var inserted = await ExecuteAsync(connection,
                $"INSERT INTO {schema.Table} ({schema.ColumnList}) SELECT {schema.ColumnList} FROM history_staging ON CONFLICT DO NOTHING", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return inserted;
        }
    }

    private static async Task CopyAsync<TRow>(
        NpgsqlConnection connection, string target, HistoryTableSchema schema, ArraySegment<HistoryEntry<TRow>> rows, CancellationToken cancellationToken)
        where TRow : IHistoryRow<TRow>
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({schema.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entry in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            entry.Row.Write(importer);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
