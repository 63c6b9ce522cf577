using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Reminders;

namespace SupplyGrid.Runtime.Hosting;

/// <summary>Starts the silo (checks, reminders, collector, timeout sweep) and stops it gracefully.</summary>
internal sealed class GridHostedService(GridRuntime runtime, ReminderService reminders, ILogger<GridHostedService> logger) : IHostedService
{
    private ITimer? _collector;
    private ITimer? _timeouts;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CheckStorageProviders();
        await reminders.StartAsync(cancellationToken);
        var options = runtime.Options;
        _collector = runtime.TimeProvider.CreateTimer(_ => runtime.Collector.Collect(), null, options.CollectionQuantum, options.CollectionQuantum);
        _timeouts = runtime.TimeProvider.CreateTimer(_ => runtime.Timeouts.Sweep(), null, options.TimeoutCheckInterval, options.TimeoutCheckInterval);
        logger.LogInformation("Grid started with {GrainClasses} grain classes: {GrainTypes}",
            runtime.Registry.Classes.Count, string.Join(", ", runtime.Registry.Classes.Select(c => c.GrainType)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        await reminders.DisposeAsync();
        await runtime.DeactivateAllAsync(runtime.Options.DeactivationTimeout);
        _timeouts?.Dispose();
        logger.LogInformation("Grid stopped");
    }

    /// <summary>Fails the start, naming the grain class, when a [PersistentState] names a provider that is not registered.</summary>
    private void CheckStorageProviders()
    {
        foreach (var grainClass in runtime.Registry.Classes)
        {
            foreach (var name in grainClass.StorageNames)
            {
                if (runtime.Services.GetKeyedService<IGrainStorage>(name) is null)
                    throw new InvalidOperationException(
                        $"Grain class {grainClass.ClassType} uses grain storage '{name}', which is not registered (AddMemoryGrainStorage(\"{name}\") or another provider).");
            }
        }
    }
}
