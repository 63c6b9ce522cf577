using System.Diagnostics.Metrics;
using SupplyGrid.Silo.OperatorDashboard;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

/// <summary>
/// The reader against a meter publishing the provider's instrument names and tags. Other tests of this process may run
/// a real provider, whose measurements the reader sees too: each test reads only its own topics.
/// </summary>
public sealed class KafkaStreamMeterReaderTests : IDisposable
{
    private readonly string _topic = $"reader-test-{Guid.NewGuid():N}";
    private readonly Meter _meter = new(KafkaStreamInstruments.MeterName);
    private long _inCache;
    private (int Partition, long Lag)[] _lags = [];

    public KafkaStreamMeterReaderTests()
    {
        _meter.CreateObservableUpDownCounter(KafkaStreamInstruments.RecordsInCache, () => _inCache);
        _meter.CreateObservableGauge(KafkaStreamInstruments.ConsumerLag, () => _lags.Select(l => new Measurement<long>(l.Lag,
            new KeyValuePair<string, object?>(KafkaStreamInstruments.TopicTag, _topic),
            new KeyValuePair<string, object?>(KafkaStreamInstruments.PartitionTag, l.Partition))));
    }

    [Fact]
    public void Counters_are_running_totals_by_topic_and_dead_letters_also_by_reason()
    {
        using var reader = new KafkaStreamMeterReader();
        var read = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsRead);
        var deadLettered = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsDeadLettered);

        read.Add(40, Topic());
        read.Add(2, Topic());
        deadLettered.Add(1, Topic(), Reason("malformed_json"));
        var figures = reader.Read();

        Assert.Equal(42, figures.RecordsRead[_topic]);
        Assert.Equal(1, figures.DeadLettered[_topic]);
        Assert.True(figures.DeadLettersByReason["malformed_json"] >= 1);
        // The provider's own reasons are listed before any occurs.
        Assert.True(figures.DeadLettersByReason.ContainsKey(KafkaDeadLetterReasons.NoKey));
    }

    [Fact]
    public void Observable_instruments_are_read_fresh_each_time_so_a_partition_that_moved_away_is_gone()
    {
        using var reader = new KafkaStreamMeterReader();
        _lags = [(0, 7), (2, 5)];
        _inCache = 12;
        var first = reader.Read();
        Assert.Equal([new PartitionLag(_topic, 0, 7), new PartitionLag(_topic, 2, 5)], first.Partitions.Where(p => p.Topic == _topic));
        Assert.True(first.InCache >= 12);

        _lags = [(2, 1)];
        var second = reader.Read();
        Assert.Equal([new PartitionLag(_topic, 2, 1)], second.Partitions.Where(p => p.Topic == _topic));
    }

    public void Dispose() => _meter.Dispose();

    private KeyValuePair<string, object?> Topic() => new(KafkaStreamInstruments.TopicTag, _topic);

    private static KeyValuePair<string, object?> Reason(string reason) => new(KafkaStreamInstruments.ReasonTag, reason);
}
