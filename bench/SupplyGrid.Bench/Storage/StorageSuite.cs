using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Postgres.Development;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;
using SupplyGrid.Runtime.Postgres.Storage;

namespace SupplyGrid.Bench.Storage;

/// <summary>
/// PostgreSQL through the grid: grain state writes per second from concurrently writing grains, history rows per
/// second through the batched writers (binary COPY), and the time to reactivate grains from stored state. Uses the
/// server named by ConnectionStrings__Postgres (in a scratch database) or a throwaway cluster with PostgreSQL's
/// default durability (fsync and synchronous commit on).
/// Options: --seconds N (state writes, default 10), --grains N (default 10,000), --history-rows N (default 1,000,000),
/// --reactivate N (default 100,000), --state-batch N and --state-batches N (Postgres:Storage:MaxBatchSize and
/// MaxConcurrentBatches; default: the provider's defaults).
/// </summary>
public sealed class StorageSuite : IBenchSuite
{
    public const string StorageName = "postgres";

    private const int ActivationsInFlight = 10_000;

    private const int HistoryWarmUpRows = 100_000;

    public string Name => "storage";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var seconds = args.Double("seconds", 10);
        var grainCount = (int)args.Long("grains", 10_000);
        var historyRows = (int)args.Long("history-rows", 1_000_000);
        var reactivate = (int)args.Long("reactivate", 100_000);
        var defaults = new PostgresGrainStorageOptions();
        var batchSize = (int)args.Long("state-batch", defaults.MaxBatchSize);
        var batches = (int)args.Long("state-batches", defaults.MaxConcurrentBatches);
        if (seconds <= 0 || grainCount <= 0 || historyRows <= 0 || reactivate <= 0 || batchSize <= 0 || batches <= 0)
        {
            Console.Error.WriteLine("storage: --seconds, --grains, --history-rows, --reactivate, --state-batch and --state-batches must be positive");
            return 2;
        }

        void Storage(PostgresGrainStorageOptions o) => (o.MaxBatchSize, o.MaxConcurrentBatches) = (batchSize, batches);

        await using var server = await ScratchPostgres.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var postgres = server.Cluster is null ? "ConnectionStrings__Postgres" : "throwaway cluster, default durability";
        var cpu = new CpuMeter(server.Cluster?.ServerProcessId);

        // Grains for the reactivation, keyed apart from the writers, each with one stored state.
        var reactivationKeys = Enumerable.Range(0, reactivate).Select(i => 1_000_000L + i).ToArray();
        using (var host = await StorageHost.StartAsync(connectionString, Storage))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var writers = Enumerable.Range(0, grainCount).Select(i => factory.GetGrain<IDriverStateGrain>(i)).ToArray();
            await Task.WhenAll(writers.Select(g => g.Ping(0).AsTask()));
            var load = BenchOutput.LoadAverage();
            var writes = await StateWriteScenario.RunAsync(writers, TimeSpan.FromSeconds(seconds), cpu);
            Report("state_writes", new()
            {
                ["grains"] = grainCount,
                ["ops_per_s"] = Math.Round(writes.WritesPerSecond),
                ["p50_ms"] = Math.Round(writes.P50Ms, 2),
                ["p99_ms"] = Math.Round(writes.P99Ms, 2),
                ["seconds"] = seconds,
                ["batch_size"] = batchSize,
                ["concurrent_batches"] = batches,
            }, (writes.ClientCpuUs, writes.ServerCpuUs), load, postgres);

            var health = host.Services.GetRequiredService<PostgresHealth>();
            await HistoryAsync(host.Services.GetRequiredService<IHistoryWriter<SupplyDemandMetricRow>>(), SupplyDemandMetricRow.Schema.Table, MetricRow);
            await HistoryAsync(host.Services.GetRequiredService<IHistoryWriter<DriverIncentiveRow>>(), DriverIncentiveRow.Schema.Table, LedgerRow);

            async Task HistoryAsync<TRow>(IHistoryWriter<TRow> writer, string table, Func<int, TRow> row)
            {
                // Warm-up: the first rows run through code the JIT has not optimised yet.
                await HistoryCopyScenario.RunAsync(writer, health, table, historyRows, HistoryWarmUpRows, row);
                var before = (Load: BenchOutput.LoadAverage(), Cpu: cpu.Read());
                var rowsPerSecond = await HistoryCopyScenario.RunAsync(writer, health, table, 0, historyRows, row);
                Report($"history_rows_{table}", new() { ["rows"] = historyRows, ["ops_per_s"] = Math.Round(rowsPerSecond) },
                    cpu.Read().PerOperationSince(before.Cpu, historyRows), before.Load, postgres);
            }

            var seeded = reactivationKeys.Select(factory.GetGrain<IDriverStateGrain>).ToArray();
            for (var start = 0; start < seeded.Length; start += ActivationsInFlight)
                await Task.WhenAll(seeded.Skip(start).Take(ActivationsInFlight).Select(g => g.Ping(7).AsTask()));
            await host.StopAsync();
        }

        using (var host = await StorageHost.StartAsync(connectionString, Storage))
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grains = reactivationKeys.Select(factory.GetGrain<IDriverStateGrain>).ToArray();
            var before = (Load: BenchOutput.LoadAverage(), Cpu: cpu.Read());
            var elapsed = await ReactivationScenario.RunAsync(grains, expectedSequence: 7, ActivationsInFlight);
            Report("reactivation", new()
            {
                ["grains"] = reactivate,
                ["seconds"] = Math.Round(elapsed, 2),
                ["ops_per_s"] = Math.Round(reactivate / elapsed),
            }, cpu.Read().PerOperationSince(before.Cpu, reactivate), before.Load, postgres);
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

    /// <param name="cpuUs">CPU microseconds per operation: this process (the grid and the client) and the server (null for a server not started here).</param>
    /// <param name="load">The machine's one-minute load average as the scenario started (2 cores: above 2, other work competes).</param>
    private static void Report(string scenario, Dictionary<string, object?> fields, (double Client, double? Server) cpuUs, double load, string postgres)
    {
        var line = new Dictionary<string, object?> { ["scenario"] = scenario };
        foreach (var (key, value) in fields)
            line[key] = value;
        line["client_cpu_us_per_op"] = Math.Round(cpuUs.Client, 1);
        line["server_cpu_us_per_op"] = cpuUs.Server is { } server ? Math.Round(server, 1) : null;
        line["load_avg"] = load;
        line["postgres"] = postgres;
        line["cores"] = BenchOutput.Cores;
        BenchOutput.WriteLine(line);
    }
}
