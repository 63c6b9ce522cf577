using System.Collections.Concurrent;
using Orleans.Runtime;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// History rows a grain recorded and whose commit has not been seen yet, by grain. The grain's next state write waits
/// for them (<see cref="HistoryFirstGrainStorage"/>), so a stored state never claims a settlement whose ledger row could
/// still be lost: if the silo dies first, the replayed event finds the state unchanged and records the row again (its
/// key makes the repeat harmless). Rows whose commit succeeded leave on their own; a failed one stays until a write
/// has seen it fail.
/// </summary>
internal sealed class PendingHistoryWrites
{
    private readonly ConcurrentDictionary<GrainId, Pending> _byGrain = new();

    /// <summary>Grains with rows still waiting for their commit.</summary>
    public int GrainCount => _byGrain.Count;

    public void Track(GrainId grain, Task written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.IsCompletedSuccessfully)
            return;
        while (true)
        {
            var pending = _byGrain.GetOrAdd(grain, static _ => new Pending());
            lock (pending)
            {
                if (pending.Taken)
                    continue;
                pending.Writes.Add(written);
            }

            written.ContinueWith(static (task, state) => ((Committed)state!).Run(task), new Committed(this, grain, pending),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return;
        }
    }

    /// <summary>Completes when every row the grain recorded so far is committed; fails if one of them failed.</summary>
    public Task WhenWrittenAsync(GrainId grain)
    {
        if (!_byGrain.TryRemove(grain, out var pending))
            return Task.CompletedTask;
        Task[] writes;
        lock (pending)
        {
            pending.Taken = true;
            writes = pending.Writes.ToArray();
        }

        return writes.Length == 0 ? Task.CompletedTask : Task.WhenAll(writes);
    }

    private void Forget(GrainId grain, Pending pending, Task written)
    {
        lock (pending)
        {
            pending.Writes.Remove(written);
            if (pending.Writes.Count > 0 || pending.Taken)
                return;
            pending.Taken = true;
        }

        _byGrain.TryRemove(new KeyValuePair<GrainId, Pending>(grain, pending));
    }

    private sealed class Pending
    {
        public List<Task> Writes { get; } = new(2);

        /// <summary>Out of the map: a write took it, or its last row committed. Rows tracked later go to a new one.</summary>
        public bool Taken { get; set; }
    }

    /// <summary>What the continuation of one row's commit needs, in one allocation.</summary>
    private sealed record Committed(PendingHistoryWrites Owner, GrainId Grain, Pending Pending)
    {
        public void Run(Task written) => Owner.Forget(Grain, Pending, written);
    }
}
