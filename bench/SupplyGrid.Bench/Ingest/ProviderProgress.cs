using System.Diagnostics;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// How far the stream provider has got, from its own counts: the real grains count nothing per ping. A record the
/// cache has let go of is done with: the cache purges only records no cursor is on, and a cursor stays on a record
/// until its delivery has ended (completed, or given up after Orleans' retries; a given-up ping shows as lost when it
/// was a driver's last).
/// </summary>
internal sealed class ProviderProgress(KafkaStreamStatistics statistics)
{
    public KafkaStreamStatistics Statistics => statistics;

    /// <summary>Records cached and since purged: delivered (or given up on).</summary>
    public long Released()
    {
        // Cached first: a record cached after that read only adds to the cache's count, so this never overstates.
        var cached = statistics.RecordsCached;
        return cached - statistics.RecordsInCache;
    }

    /// <summary>Waits until <paramref name="count"/> records were delivered; throws after <paramref name="timeout"/>.</summary>
    public Task WaitUntilReleasedAsync(long count, TimeSpan timeout) =>
        WaitAsync(() => Released() >= count, timeout, $"{count} records delivered");

    /// <summary>
    /// Waits until the provider has read <paramref name="total"/> records and every record read has left it (delivered,
    /// dead-lettered or ignored); throws after <paramref name="timeout"/>.
    /// </summary>
    public Task WaitUntilSettledAsync(long total, TimeSpan timeout) =>
        WaitAsync(() =>
        {
            // Read first: a record is counted read before it is counted cached, so this never settles between the two.
            var read = statistics.RecordsRead;
            return read >= total && Released() + statistics.RecordsUndecodable + statistics.RecordsIgnored >= read;
        }, timeout, $"all {total} records read and delivered");

    private async Task WaitAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!done())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(
                    $"ingest: not {what} within {timeout}: read {statistics.RecordsRead}, cached {statistics.RecordsCached}, " +
                    $"in cache {statistics.RecordsInCache}, dead letters {statistics.RecordsUndecodable}, ignored {statistics.RecordsIgnored}");
            }

            await Task.Delay(1);
        }
    }
}
