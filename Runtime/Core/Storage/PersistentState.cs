using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Activations;

namespace SupplyGrid.Runtime.Storage;

/// <summary>Lets the activation read every declared state before <c>OnActivateAsync</c>.</summary>
internal interface IPersistentStateLoader
{
    Task ReadOnActivationAsync(CancellationToken cancellationToken);
}

/// <summary>A grain's <c>[PersistentState]</c> parameter: the state, its etag, and the provider that stores it.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IPersistentStateLoader
{
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly GrainId _grainId;

    private PersistentState(IGrainStorage storage, string stateName, GrainId grainId)
    {
        _storage = storage;
        _stateName = stateName;
        _grainId = grainId;
        State = NewState();
    }

    public TState State { get; set; }

    public string? Etag => ETag;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    /// <summary>Called from the compiled grain factory while the grain is constructed.</summary>
    public static IPersistentState<TState> Create(IServiceProvider services, Activation activation, string stateName, string storageName)
    {
        var storage = services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException(
                $"Grain class {activation.GrainClass.ClassType} asks for grain storage '{storageName}' (state '{stateName}'), but no storage provider of that name is registered.");
        var state = new PersistentState<TState>(storage, stateName, activation.GrainId);
        activation.AddPersistentState(state);
        return state;
    }

    public Task ReadOnActivationAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        _storage.ReadStateAsync(_stateName, _grainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        _storage.WriteStateAsync(_stateName, _grainId, this, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await _storage.ClearStateAsync(_stateName, _grainId, this, cancellationToken);
        State = NewState();
    }

    private static TState NewState() => typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is null
        ? default!
        : Activator.CreateInstance<TState>();
}
