using System.Diagnostics;

namespace SupplyGrid.Bench.Storage;

/// <summary>
/// Activates grains whose state is in the store (each activation reads its row) with a bounded number of
/// activations in flight, and checks that every grain read back what it wrote.
/// </summary>
internal static class ReactivationScenario
{
    public static async Task<double> RunAsync(IDriverStateGrain[] grains, int expectedSequence, int inFlight)
    {
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < grains.Length; start += inFlight)
        {
            var chunk = grains.AsMemory(start, Math.Min(inFlight, grains.Length - start));
            var reads = new Task<int>[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
                reads[i] = chunk.Span[i].LastSequence().AsTask();
            foreach (var sequence in await Task.WhenAll(reads))
            {
                if (sequence != expectedSequence)
                    throw new InvalidOperationException($"A reactivated grain read sequence {sequence}, expected {expectedSequence}.");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }
}
