namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>The silo process at one sample: CPU, memory, garbage collection and thread pool.</summary>
/// <param name="CpuPercent">CPU time used over the last interval, as a share of all the machine's cores (0-100).</param>
/// <param name="WorkingSetBytes">Physical memory mapped by the process.</param>
/// <param name="GcHeapBytes">Managed heap size after the last collection.</param>
/// <param name="AllocatedBytesPerSecond">Managed allocations over the last interval.</param>
/// <param name="Gen0Collections">Generation 0 collections since start.</param>
/// <param name="Gen1Collections">Generation 1 collections since start.</param>
/// <param name="Gen2Collections">Generation 2 collections since start.</param>
/// <param name="Gen0PerSecond">Generation 0 collections over the last interval.</param>
/// <param name="Gen1PerSecond">Generation 1 collections over the last interval.</param>
/// <param name="Gen2PerSecond">Generation 2 collections over the last interval.</param>
/// <param name="GcPausePercent">Share of the last interval the runtime was paused for collections (0-100).</param>
/// <param name="GcPauseTotalMilliseconds">Time paused for collections since start.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads.</param>
/// <param name="ThreadPoolQueueLength">Work items queued and not yet started.</param>
/// <param name="WorkItemsPerSecond">Thread-pool work items completed over the last interval.</param>
public sealed record ProcessFigures(
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    double AllocatedBytesPerSecond,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double Gen0PerSecond,
    double Gen1PerSecond,
    double Gen2PerSecond,
    double GcPausePercent,
    double GcPauseTotalMilliseconds,
    int ThreadPoolThreads,
    long ThreadPoolQueueLength,
    double WorkItemsPerSecond);

/// <summary>Reads <see cref="ProcessFigures"/>; rates are over the time since the previous read. Not thread-safe.</summary>
internal sealed class ProcessFiguresReader
{
    private Totals _previous = Totals.Now();

    /// <param name="elapsed">Time since the previous read (or since construction).</param>
    public ProcessFigures Read(TimeSpan elapsed)
    {
        var now = Totals.Now();
        var last = _previous;
        _previous = now;
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        double PerSecond(double delta) => Math.Max(0, delta) / seconds;
        var cpu = (now.Cpu - last.Cpu).TotalSeconds / (seconds * Environment.ProcessorCount) * 100;
        var pause = (now.GcPause - last.GcPause).TotalSeconds / seconds * 100;
        return new ProcessFigures(
            Math.Clamp(cpu, 0, 100),
            Environment.WorkingSet,
            GC.GetGCMemoryInfo().HeapSizeBytes,
            PerSecond(now.Allocated - last.Allocated),
            now.Gen0, now.Gen1, now.Gen2,
            PerSecond(now.Gen0 - last.Gen0), PerSecond(now.Gen1 - last.Gen1), PerSecond(now.Gen2 - last.Gen2),
            Math.Clamp(pause, 0, 100),
            now.GcPause.TotalMilliseconds,
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount,
            PerSecond(now.WorkItems - last.WorkItems));
    }

    private readonly record struct Totals(TimeSpan Cpu, TimeSpan GcPause, long Allocated, int Gen0, int Gen1, int Gen2, long WorkItems)
    {
        public static Totals Now() => new(
            Environment.CpuUsage.TotalTime,
            GC.GetTotalPauseDuration(),
            GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            ThreadPool.CompletedWorkItemCount);
    }
}
