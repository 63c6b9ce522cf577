using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public sealed class HistoryViewTests
{
    [Fact]
    public void Every_column_has_one_value_per_sample_in_time_order()
    {
        var view = HistoryView.From([Samples.At(0, sent: 5), Samples.At(1, sent: 7), Samples.At(2, sent: 9)], TimeSpan.FromSeconds(1), 900);

        Assert.Equal([Samples.Start, Samples.Start.AddSeconds(1), Samples.Start.AddSeconds(2)], view.Time);
        Assert.Equal([5.0, 7.0, 9.0], view.Series["offers_sent"]);
        Assert.All(view.Series.Values, column => Assert.Equal(3, column.Length));
        Assert.Equal(HistoryView.SeriesNames.Order(), view.Series.Keys.Order());
    }

    [Fact]
    public void A_topic_that_appears_later_reads_zero_before_and_a_silo_without_kafka_reads_zero()
    {
        var kafka = new KafkaSample(new Dictionary<string, double> { ["topic-a"] = 250 }, ConsumerLag: 9, DeadLetters: 1, InCache: 2);
        var view = HistoryView.From([Samples.At(0), Samples.At(1, kafka: kafka)], TimeSpan.FromSeconds(1), 900);

        Assert.Equal([0.0, 250.0], view.KafkaRecordsPerSecond["topic-a"]);
        Assert.Equal([0.0, 9.0], view.Series["kafka_consumer_lag"]);
        Assert.Equal([0.0, 2.0], view.Series["kafka_in_cache"]);
        Assert.Equal([0.0, 1.0], view.Series["kafka_dead_letters"]);
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
