using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime;

namespace SupplyGrid.Bench.Runtime;

/// <summary>Managed heap growth per idle activation of <see cref="SmallGrain"/>, in a fresh silo.</summary>
internal static class ActivationMemory
{
    public readonly record struct Result(int Activations, double BytesPerActivation, int StateBytes);

    public static async Task<Result> MeasureAsync(int count)
    {
        using var host = await RuntimeSuite.StartHostAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        await factory.GetGrain<ISmallGrain>(-1).Touch();
        var before = Settle();
        for (var start = 0; start < count; start += 10_000)
        {
            var batch = Enumerable.Range(start, Math.Min(10_000, count - start)).Select(i => factory.GetGrain<ISmallGrain>(i).Touch().AsTask());
            await Task.WhenAll(batch);
        }

        var after = Settle();
        GC.KeepAlive(host);
        await host.StopAsync();
        return new Result(count, (after - before) / (double)count, StateBytes: 16);
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
