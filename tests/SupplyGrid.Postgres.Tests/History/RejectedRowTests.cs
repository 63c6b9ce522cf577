using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SupplyGrid.Postgres.History;
using SupplyGrid.Postgres.Migrations;

namespace SupplyGrid.Postgres.Tests.History;

/// <summary>A row whose own checks are weaker than its table's, so that the database is the one to refuse it.</summary>
public sealed record ProbeRow(int Id, int Amount) : IHistoryRow<ProbeRow>
{
    public static HistoryTableSchema Schema { get; } = new("history_probe", ["id", "amount"], MayDrop: false);

    public void Validate()
    {
    }

    void IHistoryRow<ProbeRow>.Write(NpgsqlBinaryImporter importer)
    {
        importer.Write(Id, NpgsqlDbType.Integer);
        importer.Write(Amount, NpgsqlDbType.Integer);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RejectedRowTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_row_the_database_refuses_is_set_aside_and_the_rest_of_its_batch_is_written()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await PostgresFixture.ExecuteAsync(connectionString, "CREATE TABLE history_probe (id int PRIMARY KEY, amount int NOT NULL CHECK (amount >= 0))");
        await using var database = PostgresFixture.OpenDatabase(connectionString);
        var options = new ServiceCollection().AddOptions()
            .Configure<HistoryTableOptions>(ProbeRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMilliseconds(10))
            .BuildServiceProvider().GetRequiredService<IOptionsMonitor<HistoryTableOptions>>();
        var table = new HistoryTable<ProbeRow>(database, new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance), options,
            NullLogger<HistoryTable<ProbeRow>>.Instance);
        // Buffered before the writer runs, so that all twenty go out in one batch.
        var writes = Enumerable.Range(1, 20).Select(i => (Id: i, Write: table.WriteCommittedAsync(new ProbeRow(i, i == 7 ? -1 : i)))).ToArray();

        using var abort = new CancellationTokenSource();
        var running = table.RunAsync(abort.Token);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writes.Single(w => w.Id == 7).Write);
        await Task.WhenAll(writes.Where(w => w.Id != 7).Select(w => w.Write));
        table.Close();
        await running;

        Assert.Contains("history_probe", refused.Message);
        Assert.Equal(19, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM history_probe"));
        var status = table.GetStatus();
        Assert.Equal((19, 1), (status.Written, status.Rejected));
    }
}
