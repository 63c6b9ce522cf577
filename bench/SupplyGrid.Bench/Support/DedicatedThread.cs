namespace SupplyGrid.Bench;

/// <summary>
/// Work that blocks (a feeder waiting for its in-flight window) on a thread of its own, not on one of the thread pool's
/// that grains run on. The silo's Kafka consumer also hands records over from a dedicated thread.
/// </summary>
internal static class DedicatedThread
{
    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
