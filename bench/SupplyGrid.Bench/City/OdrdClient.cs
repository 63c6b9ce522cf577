using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Geo;
using SupplyGrid.Grains;

namespace SupplyGrid.Bench.City;

/// <summary>
/// The client side of <see cref="OdrdSuite"/>, in its own process: an Orleans client (<c>UseOrleansClient</c>,
/// localhost clustering on the silo's gateway port) that runs one role and prints one JSON line.
/// <c>ranking</c>: rank requests at a fixed rate, request i due at start + i / rate whatever happened to earlier ones,
/// its latency from that due time to the answer; requests due in the warm-up are not counted.
/// <c>baseline</c>: empty calls from many callers (<see cref="BaselineCalls"/>).
/// </summary>
internal static class OdrdClient
{
    public static async Task<int> RunAsync(string role, BenchArgs args)
    {
        var gatewayPort = checked((int)args.Long("gateway-port", 0));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        BenchSilo.LogWarningsToStderr(builder.Logging);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var line = role switch
        {
            "ranking" => await RankAsync(grains, args),
            "baseline" => Baseline(await BaselineCalls.MeasureAsync(grains, BaselineCalls.DefaultActivations,
                checked((int)args.Long("baseline-callers", BaselineCalls.DefaultCallers)), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(args.Double("baseline-seconds", 5)))),
            _ => throw new ArgumentException($"--client must be ranking or baseline (was '{role}')"),
        };
        line["client_cpu_s"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, 2);
        BenchOutput.WriteLine(line);
        await host.StopAsync();
        return 0;
    }

    private static Dictionary<string, object?> Baseline(BaselineCalls.Result result)
    {
        var line = new Dictionary<string, object?>();
        result.AddTo(line, "");
        return line;
    }

    private static async Task<Dictionary<string, object?>> RankAsync(IGrainFactory grains, BenchArgs args)
    {
        var drivers = checked((int)args.Long("drivers", 20_000));
        var candidates = checked((int)args.Long("candidates", 50));
        var rate = args.Double("rate", 200);
        var seconds = args.Double("seconds", 20);
        var warmup = args.Double("warmup", 5);
        var seed = checked((int)args.Long("seed", 20260105));
        var ranker = grains.GetGrain<IOdrdRankingGrain>("singapore");

        var warmupCount = (long)(rate * warmup);
        var total = warmupCount + (long)(rate * seconds);
        var requests = Requests(total, drivers, candidates, seed);
        var due = new long[total];
        var sent = new long[total];
        var done = new long[total];
        var failed = new bool[total];
        var interval = Stopwatch.Frequency / rate;
        var outstanding = new CountdownEvent(1);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (Pause: GC.GetTotalPauseDuration(), Count: GC.CollectionCount(0));
        var scheduler = new Thread(() =>
        {
            for (long i = 0; i < total; i++)
            {
                due[i] = start + (long)(i * interval);
                PreciseSleep.Until(due[i]);
                outstanding.AddCount();
                sent[i] = Stopwatch.GetTimestamp();
                _ = MeasureAsync(ranker, requests[i], candidates, i, done, failed, outstanding);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "schedule" };
        scheduler.Start();
        scheduler.Join();
        outstanding.Signal();
        outstanding.Wait();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gcPause = GC.GetTotalPauseDuration() - gcBefore.Pause;
        var gcCount = GC.CollectionCount(0) - gcBefore.Count;

        var fromDue = new List<double>();
        var fromSend = new List<double>();
        long errors = 0, lastEnd = 0;
        for (var i = warmupCount; i < total; i++)
        {
            if (failed[i])
            {
                errors++;
                continue;
            }

            fromDue.Add((done[i] - due[i]) * 1000.0 / Stopwatch.Frequency);
            fromSend.Add((done[i] - sent[i]) * 1000.0 / Stopwatch.Frequency);
            lastEnd = Math.Max(lastEnd, done[i]);
        }

        var measuredSeconds = (lastEnd - (start + (long)(warmupCount * interval))) / (double)Stopwatch.Frequency;
        return new Dictionary<string, object?>
        {
            ["requests"] = total - warmupCount,
            ["errors"] = errors,
            ["p50_ms"] = Math.Round(Percentiles.Of(fromDue, 0.5), 3),
            ["p99_ms"] = Math.Round(Percentiles.Of(fromDue, 0.99), 3),
            ["p999_ms"] = Math.Round(Percentiles.Of(fromDue, 0.999), 3),
            ["max_ms"] = Math.Round(Percentiles.Of(fromDue, 1), 3),
            // From the moment the call was made rather than due: the difference is this process's own lateness.
            ["p99_from_send_ms"] = Math.Round(Percentiles.Of(fromSend, 0.99), 3),
            ["achieved_per_s"] = Math.Round(measuredSeconds > 0 ? fromDue.Count / measuredSeconds : 0, 1),
            ["over_5ms"] = fromDue.Count(l => l > 5),
            ["client_cpu_ms_per_rank"] = Math.Round(cpu.TotalMilliseconds / total, 3),
            // This process's collections and pauses over the whole schedule, warm-up included.
            ["client_gc_collections"] = gcCount,
            ["client_gc_pause_ms"] = Math.Round(gcPause.TotalMilliseconds),
        };
    }

    /// <summary>Completes request <paramref name="index"/>: its answer's timestamp, or its failure.</summary>
    private static async Task MeasureAsync(IOdrdRankingGrain ranker, OdrdRankRequest request, int candidates, long index, long[] done, bool[] failed,
        CountdownEvent outstanding)
    {
        try
        {
            var ranking = await ranker.Rank(request);
            done[index] = Stopwatch.GetTimestamp();
            failed[index] = ranking.Ranked.Count + ranking.Unranked.Count != candidates;
        }
        catch (Exception e)
        {
            done[index] = Stopwatch.GetTimestamp();
            failed[index] = true;
            Console.Error.WriteLine($"odrd: request {index} failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            outstanding.Signal();
        }
    }

    /// <summary>Requests made before the clock starts: a random pickup in the city and distinct random drivers.</summary>
    private static OdrdRankRequest[] Requests(long count, int drivers, int candidates, int seed)
    {
        var random = new Random(seed);
        var requests = new OdrdRankRequest[count];
        var chosen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            chosen.Clear();
            while (chosen.Count < candidates)
                chosen.Add(random.Next(drivers));
            var pickup = new LatLng(1.27 + random.NextDouble() * 0.15, 103.70 + random.NextDouble() * 0.25);
            requests[i] = new OdrdRankRequest(pickup, chosen.Select(CitySimulation.IdOf).ToArray());
        }

        return requests;
    }
}
