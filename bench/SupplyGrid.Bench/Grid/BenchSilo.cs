using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// The silo as the default run composes it: one silo on localhost clustering (free ports), the domain grains, Orleans'
/// memory grain storage as the default and the in-memory reminder service; the benchmark's own grains come along
/// because Orleans finds every grain class of the loaded assemblies. Records reach grains as the silo's Kafka consumer
/// hands them over: an <see cref="OrderedRecordDispatcher"/> over the silo's <see cref="TopicRouter"/>.
/// </summary>
internal static class BenchSilo
{
    /// <summary>Adds the default run's silo to a host being built.</summary>
    public static void Configure(ISiloBuilder silo, IConfiguration configuration, SiloPorts ports) =>
        silo.UseLocalhostClustering(ports.Silo, ports.Gateway)
            .AddSupplyGridDomain(configuration)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService();

    /// <summary>
    /// Puts grain timers and reminders on <paramref name="clock"/>. Only these two keyed clocks: Orleans' own areas
    /// (membership, messaging, the directory) stay on the system clock, as a simulated default clock would upset them.
    /// </summary>
    public static void UseGrainClock(IServiceCollection services, TimeProvider clock)
    {
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
    }

    /// <summary>Warnings and worse to stderr, so stdout carries only the JSON lines.</summary>
    public static void LogWarningsToStderr(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>
    /// A host builder with the silo, <paramref name="settings"/> as its configuration; <paramref name="services"/>
    /// registers what the benchmark supplies (clock, outbox) before the domain's defaults are added. Services added to
    /// the builder afterwards start after the silo and stop before it, as the silo's Kafka consumer does.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null,
        Action<ISiloBuilder>? silo = null, SiloPorts? ports = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        LogWarningsToStderr(builder.Logging);
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        var configuration = builder.Configuration;
        var siloPorts = ports ?? SiloPorts.Free();
        builder.UseOrleans(s =>
        {
            Configure(s, configuration, siloPorts);
            silo?.Invoke(s);
        });
        return builder;
    }

    /// <summary>Builds and starts the host of <see cref="CreateBuilder"/>.</summary>
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null,
        Action<ISiloBuilder>? silo = null, SiloPorts? ports = null)
    {
        var host = CreateBuilder(settings, services, silo, ports).Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The product's hand-over of consumed records to grains: the silo's Kafka consumer uses the same.</summary>
    public static OrderedRecordDispatcher RecordDispatcher(IServiceProvider services)
    {
        var router = services.GetRequiredService<TopicRouter>();
        return new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send);
    }
}
