using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Runtime.Hosting;

namespace SupplyGrid.Bench.City;

/// <summary>A silo with the domain grains on memory storage, a given clock and outbox; warnings go to stderr.</summary>
internal static class BenchHost
{
    public static async Task<IHost> StartAsync(TimeProvider clock, IMdtOutbox outbox, IDictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(outbox);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        builder.Services.AddGrid(grid => grid
            .AddMemoryGrainStorage()
            .AddSupplyGridDomain(configuration)
            // The runtime's housekeeping runs on the same (compressed) clock: keep it near its wall-clock rate, or
            // sweeping 100,000 activations for timeouts ten times as often as in production skews the figures.
            .Configure(o =>
            {
                o.TimeoutCheckInterval = TimeSpan.FromSeconds(10);
                o.CollectionQuantum = TimeSpan.FromMinutes(10);
            }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Managed heap after full, compacting collections.</summary>
    public static long SettledHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
