using Orleans.Runtime.Providers;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// How long the pulling agent waits between attempts to deliver a record a subscriber failed on (and to read a queue
/// that failed): from 100 ms, doubling, at most a fifth of <see cref="KafkaStreamOptions.DeliveryTimeLimit"/>. Orleans
/// gives up at the first failure after the limit, so the last wait bounds how far past it a poisoned record holds its
/// stream; Orleans' default backoff (1 s growing to 30 s) could hold it half a minute past a 10 s limit.
/// </summary>
internal sealed class DeliveryRetryBackoff(TimeSpan deliveryTimeLimit) : IMessageDeliveryBackoffProvider
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _longest = TimeSpan.FromTicks(Math.Max(First.Ticks, deliveryTimeLimit.Ticks / 5));

    /// <summary>The wait after <paramref name="attempt"/> failed attempts (0 or more).</summary>
    public TimeSpan Next(int attempt)
    {
        // 2^20 × 100 ms is days: no longer limit needs more doublings, and the shift stays in range.
        var doubled = First.Ticks << Math.Clamp(attempt, 0, 20);
        return TimeSpan.FromTicks(Math.Min(doubled, _longest.Ticks));
    }
}
