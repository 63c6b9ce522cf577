using System.Collections.Concurrent;
using System.Globalization;
using SupplyGrid.Runtime;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// Grain storage for an evaluation: it keeps the state object a grain wrote, by reference, with the same integer
/// etags and conflict checks as the memory provider, but without copying the state to JSON on every write. A
/// campaign's state holds every offer it settled in the last two days, so copying it on each reservation and
/// settlement made a simulated day's ledger cost grow with the square of its offers. Storage has no say in what the
/// grid decides, so the arms are unaffected; the measured speed leaves out the cost of persisting state.
/// </summary>
public sealed class InProcessGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Row> _rows = new();

    private sealed record Row(object? State, long Version);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = (T)row.State!;
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
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var stored = _rows.TryGetValue(key, out var current) ? current : null;
        Check(stateName, grainId, stored, grainState.ETag);
        var next = new Row(grainState.State, (stored?.Version ?? 0) + 1);
        var replaced = stored is null ? _rows.TryAdd(key, next) : _rows.TryUpdate(key, next, stored);
        if (!replaced)
            throw Conflict(stateName, grainId, "(changed concurrently)", grainState.ETag);
        grainState.ETag = Format(next.Version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var stored = _rows.TryGetValue(key, out var current) ? current : null;
        Check(stateName, grainId, stored, grainState.ETag);
        if (stored is not null && !_rows.TryRemove(KeyValuePair.Create(key, stored)))
            throw Conflict(stateName, grainId, "(changed concurrently)", grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check(string stateName, GrainId grainId, Row? stored, string? etag)
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
