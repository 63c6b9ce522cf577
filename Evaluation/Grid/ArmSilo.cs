using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Lockstep;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// An arm's grid: one Orleans silo in this process with the domain grains, on localhost clustering (a free silo port, no
/// gateway: nothing outside the process calls it), Orleans' memory grain storage as the default and the in-memory
/// reminder service, its grain and reminder clocks on the arm's <see cref="LockstepClock"/>, and the arm's MDT outbox.
/// Records reach the grains as the product's Kafka consumer hands them over: an <see cref="OrderedRecordDispatcher"/>
/// over the silo's <see cref="TopicRouter"/>.
/// </summary>
public sealed class ArmSilo : IAsyncDisposable
{
    /// <summary>
    /// Idle collection runs on the wall clock, not the grid's: a simulated day passes in minutes, so a cell idle for an
    /// hour of it would be idle for seconds of real time. Collection is put off past any run instead, and every grain
    /// activated in an arm stays active to its end (see docs/evaluation.md).
    /// </summary>
    public static readonly TimeSpan CollectionAge = TimeSpan.FromDays(2);

    /// <summary>A grain call may wait behind a whole step of others on a loaded machine; the lockstep's own timeout bounds the step.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(5);

    private const int StartAttempts = 3;

    private readonly IHost _host;
    private readonly TimerTickCounter _ticks;

    private ArmSilo(IHost host, TimerTickCounter ticks)
    {
        _host = host;
        _ticks = ticks;
        var router = host.Services.GetRequiredService<TopicRouter>();
        Dispatcher = new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send);
    }

    /// <summary>The silo's own grain factory: calls made through it come from inside the silo, and the lockstep follows them.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public CityDirectory Cities => _host.Services.GetRequiredService<CityDirectory>();

    /// <summary>Where the simulation's records go, per key in order, as grain calls.</summary>
    public IRecordDispatcher Dispatcher { get; }

    /// <summary>Grain timer ticks run so far.</summary>
    public long TimerTicks => _ticks.Ticks;

    /// <summary>Starts the silo (on another free port if the one chosen was taken meanwhile).</summary>
    public static async Task<ArmSilo> StartAsync(EvaluationScenario scenario, decimal poolBudget, LockstepClock clock, IMdtOutbox outbox, ILoggerProvider logs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(logs);
        for (var attempt = 1; ; attempt++)
        {
            var ticks = new TimerTickCounter();
            var host = Build(scenario, poolBudget, clock, outbox, logs, ticks, SiloPort.Free());
            try
            {
                await host.StartAsync();
                return new ArmSilo(host, ticks);
            }
            catch (Exception ex) when (attempt < StartAttempts && IsPortTaken(ex))
            {
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Checks the domain's configuration for the scenario (the city settings above all) as the silo's start would,
    /// without starting anything, so a bad --grid-setting is refused before any arm runs.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is refused; the message names its key.</exception>
    public static void CheckConfiguration(EvaluationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSupplyGridDomain(Configuration(scenario, scenario.Grid.Budget));
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<CityDirectory>();
            _ = provider.GetRequiredService<IOptions<DriverOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static IHost Build(EvaluationScenario scenario, decimal poolBudget, LockstepClock clock, IMdtOutbox outbox, ILoggerProvider logs,
        TimerTickCounter ticks, int siloPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(logs);
        var configuration = Configuration(scenario, poolBudget);
        // Registered before the domain, whose in-memory outbox is added only when none was.
        builder.Services.AddSingleton(outbox);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort: 0, serviceId: "supplygrid-evaluation", clusterId: $"evaluation-{Environment.ProcessId}-{siloPort}")
            .AddSupplyGridDomain(configuration)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .UseLockstepClock(clock)
            .AddIncomingGrainCallFilter(ticks)
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = CollectionAge)
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        return builder.Build();
    }

    private static IConfiguration Configuration(EvaluationScenario scenario, decimal poolBudget) =>
        new ConfigurationBuilder().AddInMemoryCollection(GridCityConfiguration.For(scenario.City, scenario.Grid, poolBudget)).Build();

    private static bool IsPortTaken(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
                return true;
        }

        return false;
    }
}
