using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.City;

/// <summary>
/// ODRD ranking as the dispatch plug-in calls it: from an Orleans client in another process, through the silo's
/// gateway. This process runs the silo (the default run's composition) and a city of drivers (one ping each, cells
/// recomputed once, then living on: the clock follows the wall clock while rankings run); a second copy of this
/// executable, started as an Orleans client, sends rank requests of 50 candidates open-loop at a fixed rate and measures each from its due time (a slow answer delays no later request,
/// and lateness counts), then, as a second client run, the bare-Orleans baseline from a client: empty calls over 10,000
/// activations from 256 callers. Prints one JSON line.
/// Options: --drivers (20,000), --candidates (50), --rate (200 rankings/s), --seconds (20, measured), --warmup (5 s at
/// the same rate), --baseline-seconds (5), --baseline-callers (256), --seed.
/// </summary>
public sealed class OdrdSuite : IBenchSuite
{
    public string Name => "odrd";

    public async Task<int> RunAsync(BenchArgs args)
    {
        if (args.String("client") is { } role)
            return await OdrdClient.RunAsync(role, args);

        var drivers = checked((int)args.Long("drivers", 20_000));
        var candidates = checked((int)args.Long("candidates", 50));
        var rate = args.Double("rate", 200);
        var seconds = args.Double("seconds", 20);
        var warmup = args.Double("warmup", 5);
        var baselineSeconds = args.Double("baseline-seconds", 5);
        var baselineCallers = checked((int)args.Long("baseline-callers", BaselineCalls.DefaultCallers));
        var seed = checked((int)args.Long("seed", 20260105));
        if (drivers < 200 || candidates < 1 || candidates > drivers || rate <= 0 || seconds <= 0 || warmup < 0 || baselineSeconds <= 0 || baselineCallers < 1)
        {
            Console.Error.WriteLine("odrd: --drivers must be at least 200, --candidates between 1 and --drivers, --rate, --seconds, --baseline-seconds and --baseline-callers positive, --warmup not negative");
            return 2;
        }

        var clock = new SimulatedClock(DateTimeOffset.UtcNow);
        var ports = SiloPorts.Free();
        using var host = await BenchSilo.StartAsync(new Dictionary<string, string?>(), services => BenchSilo.UseGrainClock(services, clock), ports: ports);
        var city = new CitySimulation(drivers, seed);
        await PopulateAsync(host.Services, city, clock);

        var common = new[] { "--gateway-port", Text(ports.Gateway) };
        var rankingLoad = BenchOutput.LoadAverage();
        (JsonElement? Result, SiloUsage Silo) rankingRun;
        using (var liveClock = new CancellationTokenSource())
        {
            // The city lives on while it is ranked: its clock follows the wall clock, so cells recompute on their
            // timers and the ranking workers' cell figures age as they would in production.
            var clockRunning = DedicatedThread.Run(() => FollowWallClock(clock, liveClock.Token));
            rankingRun = await RunClientAsync(
            [
                "odrd", "--client", "ranking", .. common, "--drivers", Text(drivers), "--candidates", Text(candidates), "--rate", Text(rate),
                "--seconds", Text(seconds), "--warmup", Text(warmup), "--seed", Text(seed),
            ]);
            await liveClock.CancelAsync();
            await clockRunning;
        }

        var (ranking, rankingSilo) = rankingRun;
        var baselineLoad = BenchOutput.LoadAverage();
        var (baseline, baselineSilo) = await RunClientAsync(
        [
            "odrd", "--client", "baseline", .. common, "--baseline-seconds", Text(baselineSeconds), "--baseline-callers", Text(baselineCallers),
        ]);
        await host.StopAsync();
        if (ranking is null || baseline is null)
            return 1;

        var requestsSent = rate * (seconds + warmup);
        var line = new Dictionary<string, object?>
        {
            ["scenario"] = "odrd",
            ["runtime"] = "orleans",
            ["via"] = "client process through the gateway",
            ["candidates"] = candidates,
            ["rate_per_s"] = rate,
        };
        foreach (var property in ranking.Value.EnumerateObject())
            line[property.Name] = property.Value.Clone();
        // The silo's CPU over the whole client run (warm-up included) per request sent.
        line["silo_cpu_ms_per_rank"] = Math.Round(rankingSilo.Cpu.TotalMilliseconds / requestsSent, 3);
        line["silo_kb_allocated_per_rank"] = Math.Round(rankingSilo.AllocatedBytes / 1024.0 / requestsSent, 1);
        line["silo_gc_collections"] = rankingSilo.GcCollections;
        line["silo_gc_pause_ms"] = Math.Round(rankingSilo.GcPause.TotalMilliseconds);
        line["drivers"] = drivers;
        line["load_avg"] = rankingLoad;
        line["cores"] = BenchOutput.Cores;
        foreach (var property in baseline.Value.EnumerateObject())
            line["baseline_" + property.Name] = property.Value.Clone();
        line["baseline_silo_cpu_s"] = Math.Round(baselineSilo.Cpu.TotalSeconds, 2);
        line["baseline_load_avg"] = baselineLoad;
        BenchOutput.WriteLine(line);
        return ranking.Value.GetProperty("errors").GetInt64() == 0 ? 0 : 1;
    }

    /// <summary>One ping per driver, bookings around the hubs, then one recompute of every cell.</summary>
    private static async Task PopulateAsync(IServiceProvider services, CitySimulation city, SimulatedClock clock)
    {
        var feed = new GrainCallFeed(BenchSilo.RecordDispatcher(services), window: 20_000);
        var feeder = new CityFeeder(city, clock, new TopicContracts(clock, new EventValidationOptions()), feed, new BenchOutbox(), bookingsPerSimSecond: city.Drivers / 40.0);
        var end = clock.GetUtcNow() + CityFeeder.Round;
        await DedicatedThread.Run(() => feeder.Run(() => clock.GetUtcNow() >= end));
        await feed.DrainAsync();
        if (feed.Failed > 0)
            throw new InvalidOperationException($"{feed.Failed} records failed while populating the city: {feed.LastFailure}");
        clock.AdvanceTo(clock.GetUtcNow() + TimeSpan.FromSeconds(6));
        await ManagedHeap.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Moves <paramref name="clock"/> along with the wall clock, every 10 ms, until cancelled.</summary>
    private static void FollowWallClock(SimulatedClock clock, CancellationToken cancellation)
    {
        var simulatedStart = clock.GetUtcNow();
        var wallStart = Stopwatch.GetTimestamp();
        while (!cancellation.WaitHandle.WaitOne(10))
            clock.AdvanceTo(simulatedStart + Stopwatch.GetElapsedTime(wallStart));
    }

    /// <summary>Runs this executable as an Orleans client with <paramref name="arguments"/>; its JSON line and this process's CPU meanwhile.</summary>
    private static async Task<(JsonElement? Result, SiloUsage Silo)> RunClientAsync(string[] arguments)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (Pause: GC.GetTotalPauseDuration(), Count: GC.CollectionCount(0), Allocated: GC.GetTotalAllocatedBytes());
        var line = await SelfProcess.RunForLastLineAsync(SelfProcess.StartInfo(arguments), "odrd client");
        var usage = new SiloUsage(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, GC.CollectionCount(0) - gcBefore.Count,
            GC.GetTotalPauseDuration() - gcBefore.Pause, GC.GetTotalAllocatedBytes() - gcBefore.Allocated);
        return (line is null ? null : JsonDocument.Parse(line).RootElement.Clone(), usage);
    }

    /// <summary>What this (the silo's) process spent while a client ran.</summary>
    private readonly record struct SiloUsage(TimeSpan Cpu, int GcCollections, TimeSpan GcPause, long AllocatedBytes);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
