using System.Diagnostics;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// Runs the grid on one thread-pool thread, in a fixed order. The runtime runs every grain turn, continuation and
/// message as a thread-pool work item; with the pool capped at one thread per core and all but one of those threads
/// parked, the grid has a single worker draining one queue. Each step's work is queued while that worker is held
/// (<see cref="Hold"/>) and then released, so the queue's order is the order the harness chose, and everything the
/// grains do afterwards follows from it: the same inputs give the same turns in the same order, whatever the
/// machine's load. The grid is quiet exactly when no work item is queued and no thread but the parked ones is busy.
/// The process must not use the pool for anything else meanwhile (one arm per process); the other cores are left to
/// the other arms' processes.
/// </summary>
public sealed class SingleGridWorker : IDisposable
{
    /// <summary>How long the grid may stay busy before the run is declared stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    private readonly ManualResetEventSlim _unpark = new();
    private readonly ManualResetEventSlim _held = new();
    private readonly ManualResetEventSlim _open = new();
    private readonly int _previousMaxWorkers;
    private readonly int _previousMaxIo;
    private readonly int _parked;

    private SingleGridWorker(int previousMaxWorkers, int previousMaxIo, int parked)
    {
        _previousMaxWorkers = previousMaxWorkers;
        _previousMaxIo = previousMaxIo;
        _parked = parked;
    }

    /// <summary>Caps the pool at one thread per core and parks all but one of them until disposed.</summary>
    /// <exception cref="InvalidOperationException">Called on a pool thread, or the pool cannot be capped or parked.</exception>
    public static SingleGridWorker Take()
    {
        ThrowIfPoolThread();
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var cores = Environment.ProcessorCount;
        if (!ThreadPool.SetMaxThreads(cores, maxIo))
            throw new InvalidOperationException($"The thread pool cannot be capped at {cores} worker threads.");
        var worker = new SingleGridWorker(maxWorkers, maxIo, cores - 1);
        using var parked = new CountdownEvent(worker._parked);
        for (var i = 0; i < worker._parked; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                parked.Signal();
                worker._unpark.Wait();
            }, null);
        }

        if (worker._parked > 0 && !parked.Wait(StuckAfter))
        {
            worker.Dispose();
            throw new InvalidOperationException($"The thread pool did not run {worker._parked} parking items within {StuckAfter}.");
        }

        return worker;
    }

    /// <summary>Blocks the grid's worker (once it has finished what it was doing) until <see cref="Release"/>.</summary>
    public void Hold()
    {
        ThrowIfPoolThread();
        _held.Reset();
        _open.Reset();
        ThreadPool.UnsafeQueueUserWorkItem(static self =>
        {
            self._held.Set();
            self._open.Wait();
        }, this, preferLocal: false);
        if (!_held.Wait(StuckAfter))
            throw new InvalidOperationException($"The grid's worker did not come to the gate within {StuckAfter}: {Describe()}.");
    }

    /// <summary>Lets the held worker go on to the work queued since, then waits until the grid is quiet.</summary>
    public void ReleaseAndWait()
    {
        _open.Set();
        WaitQuiet();
    }

    /// <summary>Blocks until nothing is queued and no thread but the parked ones is busy, on two consecutive looks.</summary>
    public void WaitQuiet()
    {
        ThrowIfPoolThread();
        var spinner = new SpinWait();
        var quietLooks = 0;
        long since = 0;
        while (quietLooks < 2)
        {
            if (IsQuiet())
            {
                quietLooks++;
                continue;
            }

            quietLooks = 0;
            spinner.SpinOnce(sleep1Threshold: -1);
            if (spinner.Count % 4096 == 0)
            {
                since = since == 0 ? Stopwatch.GetTimestamp() : since;
                if (Stopwatch.GetElapsedTime(since) > StuckAfter)
                    throw new InvalidOperationException($"The grid stayed busy for {StuckAfter}: {Describe()}.");
            }
        }
    }

    /// <summary>
    /// Queued first, then busy, then queued again: an item queued after the first look is either still queued or taken
    /// by the worker, which counts as busy until the queue it drains is empty.
    /// </summary>
    private bool IsQuiet()
    {
        if (ThreadPool.PendingWorkItemCount != 0)
            return false;
        return BusyThreads() == _parked && ThreadPool.PendingWorkItemCount == 0;
    }

    private static int BusyThreads()
    {
        ThreadPool.GetMaxThreads(out var maxWorkers, out _);
        ThreadPool.GetAvailableThreads(out var availableWorkers, out _);
        return maxWorkers - availableWorkers;
    }

    private string Describe() =>
        $"{ThreadPool.PendingWorkItemCount} queued work items, {BusyThreads()} busy pool threads of which {_parked} parked";

    private static void ThrowIfPoolThread()
    {
        if (Thread.CurrentThread.IsThreadPoolThread)
            throw new InvalidOperationException("The grid's worker can only be controlled from a thread outside the thread pool.");
    }

    public void Dispose()
    {
        _open.Set();
        _unpark.Set();
        ThreadPool.SetMaxThreads(_previousMaxWorkers, _previousMaxIo);
    }
}
