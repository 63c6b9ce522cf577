using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;

namespace SupplyGrid.Bench.Runtime;

/// <summary>
/// Runtime throughput and latency: request/response calls and one-way messages over 10,000 activations from many
/// concurrent callers, against the thread pool's own limit measured in the same process; and idle memory per
/// activation. Options: --seconds N (per scenario, default 5), --activations N (default 10,000), --callers N (default 256).
/// </summary>
public sealed class RuntimeSuite : IBenchSuite
{
    public string Name => "runtime";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var seconds = args.Double("seconds", 5);
        var activations = (int)args.Long("activations", 10_000);
        var callers = (int)args.Long("callers", 256);

        using var host = await StartHostAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var grains = Enumerable.Range(0, activations).Select(i => factory.GetGrain<IBenchGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Call(0).AsTask()));

        // The limit is measured right before each scenario, so both see the same machine (others may share it).
        var limit = ThreadPoolLimit.Measure(TimeSpan.FromSeconds(seconds));
        Report("threadpool_limit", limit, 0, 0, limit, seconds);
        var call = await CallScenario.RunAsync(grains, callers, TimeSpan.FromSeconds(seconds));
        Report("call", call.OpsPerSecond, call.P50Us, call.P99Us, limit, seconds);

        limit = ThreadPoolLimit.Measure(TimeSpan.FromSeconds(seconds));
        Report("threadpool_limit", limit, 0, 0, limit, seconds);
        var oneWay = await OneWayScenario.RunAsync(grains, TimeSpan.FromSeconds(seconds));
        Report("oneway", oneWay.OpsPerSecond, oneWay.P50Us, oneWay.P99Us, limit, seconds);

        await host.StopAsync();

        var memory = await ActivationMemory.MeasureAsync((int)args.Long("memory-activations", 100_000));
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "activation_memory",
            ["activations"] = memory.Activations,
            ["bytes_per_activation"] = Math.Round(memory.BytesPerActivation),
            ["state_bytes"] = memory.StateBytes,
            ["cores"] = BenchOutput.Cores,
        });
        return 0;
    }

    internal static async Task<IHost> StartHostAsync()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrid(grid => grid.AddGrain<BenchGrain>().AddGrain<SmallGrain>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static void Report(string scenario, double opsPerSecond, double p50, double p99, double limit, double seconds) =>
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["ops_per_s"] = Math.Round(opsPerSecond),
            ["p50_us"] = Math.Round(p50, 1),
            ["p99_us"] = Math.Round(p99, 1),
            ["limit_ops_per_s"] = Math.Round(limit),
            ["ratio"] = Math.Round(opsPerSecond / limit, 4),
            ["seconds"] = seconds,
            ["cores"] = BenchOutput.Cores,
        });

    internal static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
