using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Reminders;
using SupplyGrid.Runtime.Storage;

namespace SupplyGrid.Runtime.Hosting;

/// <summary>Configures the grid inside <c>services.AddGrid(grid => ...)</c> (the counterpart of Orleans' ISiloBuilder).</summary>
public sealed class GridBuilder
{
    internal GridBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    internal List<Type> GrainClasses { get; } = [];

    /// <summary>Registers every concrete grain class of <paramref name="assembly"/>.</summary>
    public GridBuilder AddGrains(Assembly assembly)
    {
        GrainClasses.AddRange(GrainTypeRegistry.GrainClassesIn(assembly));
        return this;
    }

    public GridBuilder AddGrain<TGrain>() where TGrain : Grain
    {
        GrainClasses.Add(typeof(TGrain));
        return this;
    }

    public GridBuilder Configure(Action<GridOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Registers the memory storage provider under <paramref name="name"/> (default: the provider for unnamed states).</summary>
    public GridBuilder AddMemoryGrainStorage(string name = GrainStorageNames.Default)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return this;
    }

    public GridBuilder AddGrainStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        Services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        return this;
    }

    public GridBuilder UseMemoryReminderTable()
    {
        Services.Replace(ServiceDescriptor.Singleton<IReminderTable, MemoryReminderTable>());
        return this;
    }

    public GridBuilder UseReminderTable(Func<IServiceProvider, IReminderTable> factory)
    {
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    public GridBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }
}
