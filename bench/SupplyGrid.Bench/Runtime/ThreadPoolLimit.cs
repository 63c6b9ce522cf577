using System.Diagnostics;

namespace SupplyGrid.Bench.Runtime;

/// <summary>
/// The rate at which the thread pool runs empty work items: about 1,000 items that re-queue themselves. No actor
/// runtime on .NET can deliver messages faster than this, so it is the denominator of every runtime ratio.
/// </summary>
internal static class ThreadPoolLimit
{
    public static double Measure(TimeSpan duration)
    {
        var items = Enumerable.Range(0, 1_000).Select(_ => new Item()).ToArray();
        Item.Running = true;
        foreach (var item in items)
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        Thread.Sleep(200);
        var start = Sum(items);
        var watch = Stopwatch.StartNew();
        Thread.Sleep(duration);
        var executed = Sum(items) - start;
        var elapsed = watch.Elapsed.TotalSeconds;
        Item.Running = false;
        Thread.Sleep(100);
        return executed / elapsed;
    }

    private static long Sum(Item[] items) => items.Sum(i => Volatile.Read(ref i.Count));

    private sealed class Item : IThreadPoolWorkItem
    {
        public static volatile bool Running;
        public long Count;

        public void Execute()
        {
            Count++;
            if (Running)
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
