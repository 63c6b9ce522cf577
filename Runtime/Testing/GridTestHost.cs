using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Reminders;
using SupplyGrid.Runtime.Storage;

namespace SupplyGrid.Runtime.Testing;

/// <summary>
/// An in-process silo for tests (the counterpart of Orleans' TestCluster): memory storage and reminders that survive
/// <see cref="RestartAsync"/>, and a <see cref="ManualTimeProvider"/> that drives timers, reminders, idle collection
/// and response timeouts.
/// </summary>
public sealed class GridTestHost : IAsyncDisposable
{
    private readonly Action<GridBuilder> _configureGrid;
    private readonly Action<IServiceCollection>? _configureServices;
    private IHost _host;

    private GridTestHost(Action<GridBuilder> configureGrid, Action<IServiceCollection>? configureServices, IHost host, ManualTimeProvider time)
    {
        _configureGrid = configureGrid;
        _configureServices = configureServices;
        _host = host;
        Time = time;
    }

    public ManualTimeProvider Time { get; }

    /// <summary>The default ("Default") storage provider, shared by every incarnation of the silo.</summary>
    public MemoryGrainStorage Storage { get; } = new();

    public MemoryReminderTable Reminders { get; } = new();

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public IGridMonitor Monitor => Services.GetRequiredService<IGridMonitor>();

    /// <summary>Starts a silo with the grains and settings <paramref name="configureGrid"/> adds.</summary>
    public static async Task<GridTestHost> StartAsync(Action<GridBuilder> configureGrid, Action<IServiceCollection>? configureServices = null)
    {
        var time = new ManualTimeProvider();
        var testHost = new GridTestHost(configureGrid, configureServices, null!, time);
        testHost._host = testHost.Build();
        await testHost._host.StartAsync();
        return testHost;
    }

    /// <summary>Stops the silo gracefully (grains deactivate) and starts a new one on the same storage, reminders and clock.</summary>
    public async Task RestartAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _host = Build();
        await _host.StartAsync();
    }

    public async Task StopAsync() => await _host.StopAsync();

    private IHost Build()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.Configure<ReminderOptions>(o => o.MinimumPeriod = TimeSpan.FromSeconds(1));
        builder.Services.AddGrid(grid =>
        {
            grid.AddGrainStorage(GrainStorageNames.Default, _ => Storage);
            grid.UseReminderTable(_ => Reminders);
            _configureGrid(grid);
        });
        _configureServices?.Invoke(builder.Services);
        return builder.Build();
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
}
