using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SupplyGrid.Bench.Api;

/// <summary>
/// GET /api/heatmap/{city} latency at a fixed request rate from a second process. This process runs the silo with the
/// API co-hosted and serves a populated city (drivers and bookings handed to grains by the silo's record dispatcher, as
/// its Kafka consumer hands them over, with a trickle of pings during the run so the heatmap keeps changing) on Kestrel
/// over loopback; a second copy of this executable,
/// started with --load-generator, sends requests on a fixed schedule and measures each from its scheduled send time
/// (coordinated-omission aware), then reports back. Prints one JSON line: scenario, requests_per_s, p50_ms, p99_ms,
/// cores, and the zones and bytes served.
/// Options: --rate (2,000 requests/s), --seconds (20, measured), --warmup (5 s at the same rate, not measured),
/// --drivers (20,000), --bookings (8,000), --pings-per-s (500 during the run), --connections (64), --seed, --identity
/// (ask for the uncompressed body instead of gzip).
/// </summary>
public sealed class HeatmapSuite : IBenchSuite
{
    internal const string TokenVariable = "SUPPLYGRID_BENCH_TOKEN";

    public string Name => "heatmap";

    public async Task<int> RunAsync(BenchArgs args)
    {
        if (args.Has("load-generator"))
            return await LoadGenerator.RunAsync(args);

        var rate = args.Double("rate", 2_000);
        var seconds = args.Double("seconds", 20);
        var warmup = args.Double("warmup", 5);
        var drivers = checked((int)args.Long("drivers", 20_000));
        var bookings = checked((int)args.Long("bookings", 8_000));
        var pingsPerSecond = args.Double("pings-per-s", 500);
        var connections = checked((int)args.Long("connections", 64));
        var seed = checked((int)args.Long("seed", 20261123));
        var identity = args.Has("identity");
        if (rate <= 0 || seconds <= 0 || warmup < 0 || drivers < 1 || bookings < 0 || pingsPerSecond < 0 || connections < 1)
        {
            Console.Error.WriteLine("heatmap: --rate, --seconds, --drivers and --connections must be positive; --warmup, --bookings and --pings-per-s not negative");
            return 2;
        }

        await using var server = await HeatmapServer.StartAsync(seed);
        var zones = await server.PopulateAsync(drivers, bookings);
        var (jsonBytes, gzipBytes) = await server.ServedBodySizesAsync();
        await using var live = server.KeepPinging(pingsPerSecond);

        var load = BenchOutput.LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var measured = await RunLoadGeneratorAsync(server, rate, seconds, warmup, connections, identity);
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (measured is null)
            return 1;
        var m = measured.Value;
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "heatmap_get",
            ["requests_per_s"] = rate,
            ["p50_ms"] = Math.Round(m.GetProperty("p50_ms").GetDouble(), 3),
            ["p99_ms"] = Math.Round(m.GetProperty("p99_ms").GetDouble(), 3),
            ["p999_ms"] = Math.Round(m.GetProperty("p999_ms").GetDouble(), 3),
            ["max_ms"] = Math.Round(m.GetProperty("max_ms").GetDouble(), 3),
            ["achieved_per_s"] = Math.Round(m.GetProperty("achieved_per_s").GetDouble()),
            ["requests"] = m.GetProperty("requests").GetInt64(),
            ["errors"] = m.GetProperty("errors").GetInt64(),
            // CPU per request over the whole run, warm-up included; the server's includes the grid's own work.
            ["server_cpu_ms_per_request"] = Math.Round(serverCpu.TotalMilliseconds / (rate * (seconds + warmup)), 4),
            ["client_cpu_ms_per_request"] = Math.Round(m.GetProperty("cpu_ms_per_request").GetDouble(), 4),
            ["zones"] = zones,
            ["json_bytes"] = jsonBytes,
            ["gzip_bytes"] = gzipBytes,
            ["encoding"] = identity ? "identity" : "gzip",
            ["pings_per_s"] = pingsPerSecond,
            ["seconds"] = seconds,
            ["cores"] = BenchOutput.Cores,
            ["load_avg"] = load,
        });
        return m.GetProperty("errors").GetInt64() == 0 ? 0 : 1;
    }

    /// <summary>Starts this executable again as the load generator and reads its one JSON line.</summary>
    private static async Task<JsonElement?> RunLoadGeneratorAsync(HeatmapServer server, double rate, double seconds, double warmup, int connections,
        bool identity)
    {
        var arguments = new List<string>
        {
            "heatmap", "--load-generator", "--url", server.HeatmapUrl, "--rate", Text(rate), "--seconds", Text(seconds),
            "--warmup", Text(warmup), "--connections", Text(connections),
        };
        if (identity)
            arguments.Add("--identity");
        var start = SelfProcess.StartInfo(arguments);
        // The token travels in the environment, not on a command line other users can list.
        start.Environment[TokenVariable] = server.DashboardToken;
        var line = await SelfProcess.RunForLastLineAsync(start, "load generator");
        return line is null ? null : JsonDocument.Parse(line).RootElement.Clone();
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
