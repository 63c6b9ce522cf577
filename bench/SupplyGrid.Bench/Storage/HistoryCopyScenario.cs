using System.Diagnostics;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;

namespace SupplyGrid.Bench.Storage;

/// <summary>
/// One producer enqueues rows numbered from <c>first</c> as fast as the writer takes them; the clock stops when the
/// last row is committed.
/// </summary>
internal static class HistoryCopyScenario
{
    public static async Task<double> RunAsync<TRow>(IHistoryWriter<TRow> writer, PostgresHealth health, string table, int first, int rows, Func<int, TRow> row)
    {
        var before = Written(health, table);
        var watch = Stopwatch.StartNew();
        for (var i = first; i < first + rows; i++)
            await writer.EnqueueAsync(row(i));
        while (Written(health, table) - before < rows)
            await Task.Delay(5);
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static long Written(PostgresHealth health, string table)
    {
        var status = health.GetStatus().HistoryTables.Single(t => t.Table == table);
        return status.Written + status.Duplicates;
    }
}
