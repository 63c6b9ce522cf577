using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Reminders;
using SupplyGrid.Runtime.Storage;
using SupplyGrid.Runtime.Streams;

namespace SupplyGrid.Runtime.Hosting;

public static class GridServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grid to a generic host: the runtime, grain factory, reminder service, stream dispatcher and a hosted
    /// service that starts the silo and, on shutdown, deactivates every grain. Memory reminders are the default.
    /// </summary>
    public static IServiceCollection AddGrid(this IServiceCollection services, Action<GridBuilder> configure)
    {
        var builder = new GridBuilder(services);
        configure(builder);
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<GridOptions>().Validate(o => { o.Validate(); return true; });
        services.AddOptions<ReminderOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        var grainClasses = builder.GrainClasses.ToArray();
        services.AddSingleton(_ => new GrainTypeRegistry(grainClasses));
        services.AddSingleton<GridRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GridRuntime>().GrainFactory);
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<IImplicitStreamDispatcher, ImplicitStreamDispatcher>();
        services.AddSingleton<IGridMonitor, GridMonitor>();
        services.AddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.AddHostedService<GridHostedService>();
        return services;
    }
}
