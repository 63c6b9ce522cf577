namespace SupplyGrid.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> (mirrors Orleans'
/// <c>PersistentStateAttribute</c>). The state is read before <c>OnActivateAsync</c> runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; null means the provider registered as "Default".</summary>
    public string? StorageName { get; } = storageName;
}

/// <summary>A grain's persistent state (mirrors <c>Orleans.Runtime.IPersistentState&lt;T&gt;</c>).</summary>
public interface IPersistentState<TState> : IStorage<TState>;

public interface IStorage<TState> : IStorage
{
    TState State { get; set; }
}

public interface IStorage
{
    /// <summary>The version the store holds; a write with a stale etag fails with <see cref="InconsistentStateException"/>.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>The state and its etag as a storage provider reads and writes them (mirrors <c>IGrainState&lt;T&gt;</c>).</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>A grain storage provider (mirrors <c>Orleans.Storage.IGrainStorage</c>).</summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored etag equals <c>grainState.ETag</c> (null: only if absent), then sets the new etag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);
}

/// <summary>A write or clear found a different etag in the store than the one the grain last read (optimistic concurrency).</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag, Exception? inner = null)
        : base(message, inner)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The etag found in the store.</summary>
    public string? StoredEtag { get; }

    /// <summary>The etag the grain held.</summary>
    public string? CurrentEtag { get; }
}

/// <summary>Names a state and the storage provider that keeps it (mirrors <c>IPersistentStateConfiguration</c>).</summary>
public interface IPersistentStateConfiguration
{
    string StateName { get; }

    /// <summary>The storage provider's name; null means the provider registered as "Default".</summary>
    string? StorageName { get; }
}

/// <summary>A state name and storage provider chosen at run time.</summary>
public sealed record PersistentStateConfiguration(string StateName, string? StorageName = null) : IPersistentStateConfiguration;

/// <summary>
/// Creates persistent states in code rather than through <c>[PersistentState]</c> parameters (mirrors Orleans'
/// <c>IPersistentStateFactory</c>), for a grain whose number of states is decided at run time, such as a ledger split
/// into partitions so that a movement writes one small partition instead of the whole ledger. Call it from the grain's
/// constructor: the states are read, with the declared ones, before <c>OnActivateAsync</c>.
/// </summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config);
}
