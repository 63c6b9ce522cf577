using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SupplyGrid.Grains.Tests.Grid;

/// <summary>
/// States a test grid keeps outside its silo, so that a restarted silo reads what the stopped one wrote (Orleans'
/// memory storage lives in grains of the silo and dies with it). Kept serialized, as a real store keeps them: only
/// what a grain wrote survives, never what it changed in memory.
/// </summary>
internal sealed class SurvivingStates
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (BinaryData Data, long Version)> _rows = new();

    public bool TryGet(string state, GrainId grain, out BinaryData data, out long version)
    {
        var found = _rows.TryGetValue((state, grain), out var row);
        (data, version) = row;
        return found;
    }

    /// <summary>Stores <paramref name="data"/> if the row is still at <paramref name="expected"/> (0: absent); returns the new version or null.</summary>
    public long? TrySet(string state, GrainId grain, long expected, BinaryData data)
    {
        var key = (state, grain);
        if (expected == 0)
            return _rows.TryAdd(key, (data, 1)) ? 1 : null;
        return _rows.TryGetValue(key, out var row) && row.Version == expected && _rows.TryUpdate(key, (data, expected + 1), row) ? expected + 1 : null;
    }

    public bool TryRemove(string state, GrainId grain, long expected) =>
        _rows.TryGetValue((state, grain), out var row) && row.Version == expected && _rows.TryRemove(new((state, grain), row));

    public void Clear() => _rows.Clear();
}

/// <summary>
/// The silo's face of <see cref="SurvivingStates"/>: the silo's own storage serializer, and an ETag that is the row's
/// version (1 after the first write), so a scenario can count a row's writes.
/// </summary>
internal sealed class SurvivingGrainStorage(SurvivingStates states, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGet(stateName, grainId, out var data, out var version))
        {
            grainState.State = serializer.Deserialize<T>(data) ?? activators.GetActivator<T>().Create();
            grainState.ETag = ETag(version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = states.TrySet(stateName, grainId, Version(grainState.ETag), serializer.Serialize(grainState.State))
            ?? throw Mismatch(stateName, grainId, grainState.ETag);
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null && !states.TryRemove(stateName, grainId, Version(grainState.ETag)))
            throw Mismatch(stateName, grainId, grainState.ETag);
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long Version(string? etag) => etag is null ? 0 : long.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Mismatch(string stateName, GrainId grainId, string? etag)
    {
        var stored = states.TryGet(stateName, grainId, out _, out var version) ? ETag(version) : null;
        return new InconsistentStateException($"State '{stateName}' of {grainId} was written by someone else.", stored, etag);
    }
}
