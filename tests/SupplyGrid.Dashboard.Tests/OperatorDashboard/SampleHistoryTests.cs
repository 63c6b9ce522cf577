using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public sealed class SampleHistoryTests
{
    [Fact]
    public void Keeps_the_newest_samples_up_to_its_capacity_oldest_first()
    {
        var history = new SampleHistory(3);
        for (var second = 0; second < 5; second++)
            history.Add(Samples.At(second));

        Assert.Equal([2, 3, 4], history.After(null).Select(s => (int)(s.At - Samples.Start).TotalSeconds));
    }

    [Fact]
    public void Returns_only_the_samples_after_the_time_given()
    {
        var history = new SampleHistory(10);
        for (var second = 0; second < 4; second++)
            history.Add(Samples.At(second));

        Assert.Equal([2, 3], history.After(Samples.Start.AddSeconds(1)).Select(s => (int)(s.At - Samples.Start).TotalSeconds));
        Assert.Empty(history.After(Samples.Start.AddSeconds(3)));
    }

    [Fact]
    public void Is_empty_before_the_first_sample()
    {
        Assert.Empty(new SampleHistory(2).After(null));
    }

    [Fact]
    public void Refuses_a_capacity_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => new SampleHistory(0));
}
