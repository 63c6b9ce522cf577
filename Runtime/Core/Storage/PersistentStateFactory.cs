using SupplyGrid.Runtime.Activations;

namespace SupplyGrid.Runtime.Storage;

/// <summary>Creates states for the activation whose grain is being constructed; they are read with its declared ones.</summary>
internal sealed class PersistentStateFactory(IServiceProvider services) : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(config.StateName, "config.StateName");
        if (context is not Activation activation)
            throw new ArgumentException("The context must be a grain's own IGrainContext.", nameof(context));
        // After construction the activation has read its states already: a later one would never be read.
        if (activation.GrainInstance is not null || !ReferenceEquals(RuntimeContext.Current, activation))
        {
            throw new InvalidOperationException(
                $"Persistent state '{config.StateName}' of grain {activation.GrainId} must be created in the grain's constructor.");
        }

        return PersistentState<TState>.Create(services, activation, config.StateName, config.StorageName ?? GrainStorageNames.Default);
    }
}
