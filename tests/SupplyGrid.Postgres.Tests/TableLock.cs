using Npgsql;

namespace SupplyGrid.Postgres.Tests;

/// <summary>Holds exclusive locks on tables until disposed: every writer of them waits, as behind a stalled database.</summary>
internal sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<TableLock> TakeAsync(string connectionString, params string[] tables)
    {
        var connection = new NpgsqlConnection(PostgresFixture.Unpooled(connectionString));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {string.Join(", ", tables)} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.FullState == System.Data.ConnectionState.Closed)
            return;
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
