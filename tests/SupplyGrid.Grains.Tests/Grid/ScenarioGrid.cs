using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Lockstep;

namespace SupplyGrid.Grains.Tests.Grid;

/// <summary>
/// An in-process Orleans cluster of one silo running the domain grains on a <see cref="LockstepClock"/>, with the
/// domain's in-memory ports, the in-memory reminder service, and records handed to grains by the interim dispatcher
/// exactly as the Kafka consumer hands them. Grain state is in Orleans' memory storage, or, for a grid whose
/// scenarios restart the silo, in <see cref="SurvivingStates"/> kept by the grid.
/// </summary>
internal sealed class ScenarioGrid : IAsyncDisposable
{
    /// <summary>When every scenario begins: a Monday, 08:00 UTC (16:00 in Singapore).</summary>
    public static readonly DateTimeOffset ScenarioStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly InProcessTestCluster _cluster;
    private InProcessSiloHandle? _silo;
    private (InProcessSiloHandle Silo, IRecordDispatcher Dispatcher)? _dispatcher;
    private bool _used;

    private ScenarioGrid(InProcessTestCluster cluster, LockstepClock clock, ScenarioPorts ports, SurvivingStates? states)
    {
        _cluster = cluster;
        Clock = clock;
        Ports = ports;
        States = states;
    }

    public LockstepClock Clock { get; }

    public ScenarioPorts Ports { get; }

    /// <summary>The states that outlive the silo, when the grid keeps them (null: Orleans' memory storage).</summary>
    public SurvivingStates? States { get; }

    /// <summary>The running silo's services.</summary>
    public IServiceProvider Services => (_silo ?? throw new InvalidOperationException("The silo is stopped.")).SiloHost.Services;

    /// <summary>The silo's own grain factory: scenarios call grains from inside the silo, as the Kafka consumer and the API do.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The running silo's record dispatcher (a restarted silo gets a new one).</summary>
    public IRecordDispatcher Dispatcher
    {
        get
        {
            var silo = _silo ?? throw new InvalidOperationException("The silo is stopped.");
            if (_dispatcher is not { } current || current.Silo != silo)
            {
                var router = Services.GetRequiredService<TopicRouter>();
                _dispatcher = current = (silo, new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send));
            }

            return current.Dispatcher;
        }
    }

    /// <summary>Starts a grid with the domain's <paramref name="settings"/> (configuration keys as in appsettings).</summary>
    public static async Task<ScenarioGrid> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool survivingStates = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var clock = new LockstepClock(ScenarioStart);
        var ports = new ScenarioPorts();
        var states = survivingStates ? new SurvivingStates() : null;
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        // GRID_TRACE=<log category> (Orleans.Messaging, for one) prints that category's trace: why a message was dropped.
        if (Environment.GetEnvironmentVariable("GRID_TRACE") is { } trace)
        {
            builder.ConfigureSiloHost((_, host) =>
            {
                host.Logging.AddSimpleConsole(o => o.SingleLine = true);
                host.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
                host.Logging.AddFilter(trace, Microsoft.Extensions.Logging.LogLevel.Trace);
            });
        }

        builder.ConfigureSilo((_, silo) =>
        {
            // Registered before the domain's defaults, which give way to them.
            silo.Services.AddSingleton<IMdtOutbox>(ports);
            silo.Services.AddSingleton<ICityChangeFeed>(ports);
            silo.Services.AddSingleton<IAnalyticsSink>(ports);
            silo.AddSupplyGridDomain(configuration);
            if (states is null)
            {
                silo.AddMemoryGrainStorageAsDefault();
            }
            else
            {
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) =>
                    new SurvivingGrainStorage(states, sp.GetRequiredService<IGrainStorageSerializer>(), sp.GetRequiredService<IActivatorProvider>()));
            }

            silo.UseInMemoryReminderService();
            silo.UseLockstepClock(clock);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new ScenarioGrid(cluster, clock, ports, states) { _silo = cluster.Silos[0] };
    }

    /// <summary>
    /// Makes a used grid look new to the next scenario: moves the clock to the next Monday 08:00 (the same weekday and
    /// hour every scenario starts at, for the rules that depend on them), deactivates every grain, and forgets all
    /// state, reminders and port contents. Fails when the grid does not settle.
    /// </summary>
    public async Task ResetAsync()
    {
        if (!_used)
        {
            _used = true;
            return;
        }

        try
        {
            await Clock.WhenQuietAsync();
        }
        catch (LockstepTimeoutException leftover)
        {
            // A stopped silo's work in flight is dropped, so only this scenario pays for the last one's leftovers.
            await StopSiloAsync(settleFirst: false);
            await StartSiloAsync();
            throw new InvalidOperationException("The previous scenario on this grid left work in flight that never finished; the silo was restarted for the next scenario.", leftover);
        }

        var now = Clock.GetUtcNow();
        var nextStart = ScenarioStart.AddDays(7 * Math.Ceiling((now - ScenarioStart).TotalDays / 7));
        if (nextStart == now)
            nextStart = now.AddDays(7);
        await Clock.AdvanceAsync(nextStart - now, nextStart - now);
        await DeactivateEveryGrainAsync();
        States?.Clear();
        Ports.Clear();
    }

    /// <summary>Stops the silo gracefully (its grains deactivate) and starts a new one on the same clock, states and ports.</summary>
    public async Task RestartAsync()
    {
        await StopSiloAsync();
        await StartSiloAsync();
    }

    /// <summary>Stops the silo gracefully, by default once the grid is quiet (a scenario stops a settled silo).</summary>
    public async Task StopSiloAsync(bool settleFirst = true)
    {
        var silo = _silo ?? throw new InvalidOperationException("The silo is already stopped.");
        if (settleFirst)
            await Clock.WhenQuietAsync();
        _silo = null;
        await _cluster.StopSiloAsync(silo);
    }

    public async Task StartSiloAsync()
    {
        if (_silo is not null)
            throw new InvalidOperationException("The silo is already running.");
        _silo = await _cluster.StartAdditionalSiloAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>
    /// Deactivates every grain, one at a time and settling in between, until none is left: a deactivating grain sends
    /// one-way calls (a cell tells its city it retired, and its neighbours that it is gone), and one at a time each
    /// lands on a grain that is not itself going away, where Orleans would have to forward it to a new activation.
    /// Orleans' own grains (storage, reminder table) go last, as the domain's grains write to them while they go.
    /// </summary>
    private async Task DeactivateEveryGrainAsync()
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        for (var round = 1; ; round++)
        {
            var active = (await management.GetDetailedGrainStatistics())
                .Where(g => !g.GrainId.IsSystemTarget())
                .OrderBy(g => g.GrainType.StartsWith("Orleans.", StringComparison.Ordinal))
                .Select(g => g.GrainId)
                .Distinct()
                .ToArray();
            if (active.Length == 0)
                return;
            if (round > 6)
                throw new InvalidOperationException($"Grains kept reactivating while the grid was reset: {string.Join(", ", active.Take(10))}.");
            foreach (var grain in active)
            {
                await _cluster.DeactivateAsync(grain);
                await Clock.WhenQuietAsync();
            }
        }
    }
}
