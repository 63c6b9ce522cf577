using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public sealed class HistoryViewTests
{
    [Fact]
    public void Every_column_has_one_value_per_sample_in_time_order()
    {
        var view = HistoryView.From([Samples.At(0, activations: 5), Samples.At(1, activations: 7), Samples.At(2, activations: 6)], TimeSpan.FromSeconds(1), 900);

        Assert.Equal([Samples.Start, Samples.Start.AddSeconds(1), Samples.Start.AddSeconds(2)], view.Time);
        Assert.Equal([5.0, 7.0, 6.0], view.Series["activations"]);
        Assert.Equal([0.0, 10.0, 20.0], view.Series["calls_per_second"]);
        Assert.All(view.Series.Values, column => Assert.Equal(3, column.Length));
        Assert.Equal(HistoryView.SeriesNames.Order(), view.Series.Keys.Order());
    }

    [Fact]
    public void A_grain_type_or_topic_that_appears_later_reads_zero_before()
    {
        var cells = new Dictionary<string, GrainTypeSample> { ["cell"] = new(12, 3, 40.5, 0) };
        var kafka = new KafkaSample(new Dictionary<string, double> { ["topic-a"] = 250 }, ConsumerLag: 9, DeadLetters: 1, InFlight: 2);
        var view = HistoryView.From([Samples.At(0), Samples.At(1, types: cells, kafka: kafka)], TimeSpan.FromSeconds(1), 900);

        Assert.Equal([0.0, 12.0], view.GrainTypes["cell"].Activations);
        Assert.Equal([0.0, 3.0], view.GrainTypes["cell"].MailboxDepth);
        Assert.Equal([0.0, 40.5], view.GrainTypes["cell"].CallsPerSecond);
        Assert.Equal([0.0, 250.0], view.KafkaRecordsPerSecond["topic-a"]);
        Assert.Equal([0.0, 9.0], view.Series["kafka_consumer_lag"]);
    }

    [Fact]
    public void An_empty_history_has_empty_columns()
    {
        var view = HistoryView.From([], TimeSpan.FromSeconds(2), 450);

        Assert.Empty(view.Time);
        Assert.All(view.Series.Values, Assert.Empty);
        Assert.Equal(2, view.IntervalSeconds);
        Assert.Equal(450, view.Capacity);
    }
}
