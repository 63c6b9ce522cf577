using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace SupplyGrid.Runtime.Storage;

/// <summary>
/// The <c>memory</c> storage provider: state kept in this process as JSON, so that a grain sees exactly what it
/// wrote (not a shared object it may have mutated since) and state types are known to serialize like they would to
/// PostgreSQL. Etags are integer versions; writes and clears check them like a durable store would.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _rows = new();
    private readonly JsonSerializerOptions _json;
    private readonly bool _byReference;

    public MemoryGrainStorage(JsonSerializerOptions? serializerOptions = null)
        : this(serializerOptions, byReference: false)
    {
    }

    private MemoryGrainStorage(JsonSerializerOptions? serializerOptions, bool byReference)
    {
        _json = serializerOptions ?? JsonSerializerOptions.Default;
        _byReference = byReference;
    }

    /// <summary>
    /// A store that keeps the very object a grain wrote, with the same etags and checks, and no JSON copy per write:
    /// for simulations and replays, where a large state (a campaign's settled offers) written on every change would
    /// otherwise cost a serialization each time. A grain that changes its state after writing changes the stored one.
    /// </summary>
    public static MemoryGrainStorage ByReference() => new(null, byReference: true);

    /// <summary>The state as stored: its JSON, or the object itself when kept by reference.</summary>
    private sealed record StoredState(object? Payload, long Version);

    /// <summary>Rows held (for tests and diagnostics).</summary>
    public int Count => _rows.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = _byReference ? (T)row.Payload! : JsonSerializer.Deserialize<T>((byte[])row.Payload!, _json)!;
            grainState.ETag = Format(row.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        object? payload = _byReference ? grainState.State : JsonSerializer.SerializeToUtf8Bytes(grainState.State, _json);
        var key = (stateName, grainId);
        while (true)
        {
            if (_rows.TryGetValue(key, out var current))
            {
                Check(stateName, grainId, current, grainState.ETag);
                var next = new StoredState(payload, current.Version + 1);
                if (!_rows.TryUpdate(key, next, current))
                    continue;
                grainState.ETag = Format(next.Version);
            }
            else
            {
                Check(stateName, grainId, null, grainState.ETag);
                if (!_rows.TryAdd(key, new StoredState(payload, 1)))
                    continue;
                grainState.ETag = Format(1);
            }

            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        var key = (stateName, grainId);
        if (_rows.TryGetValue(key, out var current))
        {
            Check(stateName, grainId, current, grainState.ETag);
            if (!_rows.TryRemove(KeyValuePair.Create(key, current)))
                throw Conflict(stateName, grainId, "(changed concurrently)", grainState.ETag);
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict(stateName, grainId, null, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check(string stateName, GrainId grainId, StoredState? stored, string? etag)
    {
        var storedEtag = stored is null ? null : Format(stored.Version);
        if (!string.Equals(storedEtag, etag, StringComparison.Ordinal))
            throw Conflict(stateName, grainId, storedEtag, etag);
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? current) =>
        new($"State '{stateName}' of grain {grainId} was changed by another writer: stored etag {stored ?? "(none)"}, grain's etag {current ?? "(none)"}.",
            stored, current);

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);
}
