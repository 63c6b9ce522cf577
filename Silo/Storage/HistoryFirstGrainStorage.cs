using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// Grain storage that writes (or clears) a grain's state only after the history rows the grain recorded before it are
/// committed (<see cref="PendingHistoryWrites"/>). This is the ledger discipline of docs/postgres.md applied below the
/// grains: a campaign settles an offer, records the ledger row, then writes its state; the write waits for the row.
/// </summary>
internal sealed class HistoryFirstGrainStorage(IGrainStorage inner, PendingHistoryWrites pending) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var rows = pending.WhenWrittenAsync(grainId);
        return rows.IsCompletedSuccessfully
            ? inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken)
            : AfterAsync(rows, () => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var rows = pending.WhenWrittenAsync(grainId);
        return rows.IsCompletedSuccessfully
            ? inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken)
            : AfterAsync(rows, () => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);
    }

    private static async Task AfterAsync(Task rows, Func<Task> write, CancellationToken cancellationToken)
    {
        await rows.WaitAsync(cancellationToken);
        await write();
    }
}
