namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class DeliveryRetryBackoffTests
{
    [Fact]
    public void Waits_start_at_100_ms_and_double_up_to_a_fifth_of_the_limit()
    {
        var backoff = new DeliveryRetryBackoff(TimeSpan.FromSeconds(10));

        Assert.Equal(
            [100, 200, 400, 800, 1600, 2000, 2000],
            Enumerable.Range(0, 7).Select(attempt => backoff.Next(attempt).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next(int.MaxValue));
    }

    [Fact]
    public void A_limit_shorter_than_half_a_second_still_waits_100_ms()
    {
        var backoff = new DeliveryRetryBackoff(TimeSpan.FromMilliseconds(200));

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(5));
    }
}
