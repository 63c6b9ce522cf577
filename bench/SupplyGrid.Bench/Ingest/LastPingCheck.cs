using Orleans;
using SupplyGrid.Grains;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Whether each driver's grain shows the last ping produced for it (<c>LastPingAt</c> of its view), asked once the
/// provider has delivered everything: a driver whose grain does not has lost at least its last ping. A ping lost before
/// a driver's last cannot be seen this way (the grain keeps only the latest); the provider's counts (records read and
/// delivered against records produced) cover those.
/// </summary>
internal static class LastPingCheck
{
    // Views asked for at once: enough to keep the silo busy, few enough not to flood it.
    private const int Concurrency = 1_000;

    /// <summary>The drivers whose grain lacks the last ping of <paramref name="lastPings"/>.</summary>
    public static async Task<int> CountBehindAsync(IGrainFactory grains, IReadOnlyDictionary<string, DateTimeOffset> lastPings)
    {
        var behind = 0;
        foreach (var chunk in lastPings.Chunk(Concurrency))
        {
            var views = await Task.WhenAll(chunk.Select(driver => grains.GetGrain<IDriverGrain>(driver.Key).GetView()));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (views[i].LastPingAt != chunk[i].Value)
                    behind++;
            }
        }

        return behind;
    }
}
