using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Postgres.Development;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;

namespace SupplyGrid.Bench.Storage;

/// <summary>
/// PostgreSQL through the grid: grain state writes per second from concurrently writing grains, history rows per
/// second through the batched writers (binary COPY), and the time to reactivate grains from stored state. Uses the
/// server named by ConnectionStrings__Postgres (in a scratch database) or a throwaway cluster with PostgreSQL's
/// default durability (fsync and synchronous commit on).
/// Options: --seconds N (state writes, default 10), --grains N (default 10,000), --history-rows N (default 1,000,000),
/// --reactivate N (default 100,000).
/// </summary>
public sealed class StorageSuite : IBenchSuite
{
    public const string StorageName = "postgres";

    private const int ActivationsInFlight = 10_000;

    public string Name => "storage";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var seconds = args.Double("seconds", 10);
        var grainCount = (int)args.Long("grains", 10_000);
        var historyRows = (int)args.Long("history-rows", 1_000_000);
        var reactivate = (int)args.Long("reactivate", 100_000);
        if (seconds <= 0 || grainCount <= 0 || historyRows <= 0 || reactivate <= 0)
        {
            Console.Error.WriteLine("storage: --seconds, --grains, --history-rows and --reactivate must be positive");
            return 2;
        }

        await using var server = await ScratchPostgres.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var postgres = server.Cluster is null ? "ConnectionStrings__Postgres" : "throwaway cluster, default durability";

        // Grains for the reactivation, keyed apart from the writers, each with one stored state.
        var reactivationKeys = Enumerable.Range(0, reactivate).Select(i => 1_000_000L + i).ToArray();
        using (var host = await StorageHost.StartAsync(connectionString))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var writers = Enumerable.Range(0, grainCount).Select(i => factory.GetGrain<IDriverStateGrain>(i)).ToArray();
            await Task.WhenAll(writers.Select(g => g.Ping(0).AsTask()));
            var writes = await StateWriteScenario.RunAsync(writers, TimeSpan.FromSeconds(seconds));
            Report("state_writes", new()
            {
                ["grains"] = grainCount,
                ["ops_per_s"] = Math.Round(writes.WritesPerSecond),
                ["p50_ms"] = Math.Round(writes.P50Ms, 2),
                ["p99_ms"] = Math.Round(writes.P99Ms, 2),
                ["seconds"] = seconds,
            }, postgres);

            var health = host.Services.GetRequiredService<PostgresHealth>();
            var metrics = await HistoryCopyScenario.RunAsync(host.Services.GetRequiredService<IHistoryWriter<SupplyDemandMetricRow>>(), health,
                SupplyDemandMetricRow.Schema.Table, historyRows, MetricRow);
            Report("history_rows_supply_demand_metrics", new() { ["rows"] = historyRows, ["ops_per_s"] = Math.Round(metrics) }, postgres);
            var ledger = await HistoryCopyScenario.RunAsync(host.Services.GetRequiredService<IHistoryWriter<DriverIncentiveRow>>(), health,
                DriverIncentiveRow.Schema.Table, historyRows, LedgerRow);
            Report("history_rows_driver_incentives", new() { ["rows"] = historyRows, ["ops_per_s"] = Math.Round(ledger) }, postgres);

            var seeded = reactivationKeys.Select(factory.GetGrain<IDriverStateGrain>).ToArray();
            for (var start = 0; start < seeded.Length; start += ActivationsInFlight)
                await Task.WhenAll(seeded.Skip(start).Take(ActivationsInFlight).Select(g => g.Ping(7).AsTask()));
            await host.StopAsync();
        }

        using (var host = await StorageHost.StartAsync(connectionString))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grains = reactivationKeys.Select(factory.GetGrain<IDriverStateGrain>).ToArray();
            var elapsed = await ReactivationScenario.RunAsync(grains, expectedSequence: 7, ActivationsInFlight);
            Report("reactivation", new()
            {
                ["grains"] = reactivate,
                ["seconds"] = Math.Round(elapsed, 2),
                ["ops_per_s"] = Math.Round(reactivate / elapsed),
            }, postgres);
            await host.StopAsync();
        }

        return 0;
    }

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>10,000 cells, one row per cell per minute.</summary>
    private static SupplyDemandMetricRow MetricRow(int i) =>
        new(0x886_520d_b33f_ffff + i % 10_000, Start.AddMinutes(i / 10_000), "singapore", i % 7, i % 11, 3.2, 8.4, 7.9, 0.38, "undersupplied", 1.2);

    private static DriverIncentiveRow LedgerRow(int i) =>
        new($"campaign-{i % 20}", $"offer-{i}", "commit", $"driver-{i % 10_000}", 12.50m, "SGD", Start.AddSeconds(i), "arrived on time");

    private static void Report(string scenario, Dictionary<string, object?> fields, string postgres)
    {
        var line = new Dictionary<string, object?> { ["scenario"] = scenario };
        foreach (var (key, value) in fields)
            line[key] = value;
        line["postgres"] = postgres;
        line["cores"] = BenchOutput.Cores;
        BenchOutput.WriteLine(line);
    }
}
