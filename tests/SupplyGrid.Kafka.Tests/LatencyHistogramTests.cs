namespace SupplyGrid.Kafka.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_fall_within_the_bucket_resolution()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
            histogram.Record(TimeSpan.FromMilliseconds(ms));

        AssertClose(TimeSpan.FromMilliseconds(500), histogram.Percentile(0.5));
        AssertClose(TimeSpan.FromMilliseconds(990), histogram.Percentile(0.99));
        AssertClose(TimeSpan.FromMilliseconds(1000), histogram.Percentile(1));
        Assert.Equal(1000, histogram.Count);
    }

    [Fact]
    public void Small_durations_are_exact_to_the_microsecond()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMicroseconds(3));

        Assert.Equal(TimeSpan.FromMicroseconds(4), histogram.Percentile(0.5)); // upper bound of the [3, 4) µs bucket
    }

    [Fact]
    public void A_window_is_the_difference_of_two_copies()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromSeconds(5));
        var before = histogram.CopyCounts();
        histogram.Record(TimeSpan.FromMilliseconds(2));

        var window = LatencyHistogram.Difference(histogram.CopyCounts(), before);

        AssertClose(TimeSpan.FromMilliseconds(2), LatencyHistogram.Percentile(window, 0.99));
        Assert.Equal(TimeSpan.Zero, LatencyHistogram.Percentile(new long[window.Length], 0.5));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Quantiles_outside_0_1_are_refused(double quantile) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().Percentile(quantile));

    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual.TotalMilliseconds, expected.TotalMilliseconds * 0.99, expected.TotalMilliseconds * 1.13);
}
