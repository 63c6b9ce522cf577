using Microsoft.Extensions.Time.Testing;
using SupplyGrid.Grains;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

public sealed class SiloMetricsCollectorTests
{
    private const string Pings = "driver_event";
    private const string Jobs = "dispatch_job";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private KafkaStreamFigures _kafka = Snapshot((Pings, 100), (Jobs, 10));
    private OfferCounts _offers;

    private SiloMetricsCollector NewCollector(bool kafka = true) => new(kafka ? () => _kafka : null, () => [], () => _offers, _time, "S127.0.0.1:11111:1");

    [Fact]
    public void Records_per_second_are_the_records_of_the_last_interval_over_its_length()
    {
        var collector = NewCollector();
        _kafka = Snapshot((Pings, 160), (Jobs, 10));
        _time.Advance(TimeSpan.FromSeconds(2));

        var (sample, overview) = collector.Collect();

        Assert.Equal(30.0, sample.Kafka!.RecordsPerSecond[Pings]);
        Assert.Equal(0.0, sample.Kafka.RecordsPerSecond[Jobs]);
        // Topics in name order.
        Assert.Equal([(Jobs, 10L), (Pings, 160L)], overview.Kafka!.Topics.Select(t => (t.Topic, t.RecordsRead)));

        _kafka = Snapshot((Pings, 170), (Jobs, 15));
        _time.Advance(TimeSpan.FromSeconds(1));
        var (next, _) = collector.Collect();
        Assert.Equal(10.0, next.Kafka!.RecordsPerSecond[Pings]);
        Assert.Equal(5.0, next.Kafka.RecordsPerSecond[Jobs]);
    }

    [Fact]
    public void A_topic_whose_total_went_back_reads_zero_not_negative_traffic()
    {
        var collector = NewCollector();
        _kafka = Snapshot((Pings, 40), (Jobs, 10));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0.0, collector.Collect().Sample.Kafka!.RecordsPerSecond[Pings]);
    }

    [Fact]
    public void Lag_adds_up_over_partitions_and_dead_letters_over_reasons()
    {
        var collector = NewCollector();
        _kafka = Snapshot((Pings, 100), (Jobs, 10)) with
        {
            Partitions = [new PartitionLag(Pings, 0, 7), new PartitionLag(Pings, 2, 5)],
            DeadLettersByReason = new Dictionary<string, long> { ["malformed_json"] = 2, ["invalid_record"] = 3 },
            InCache = 4,
        };
        _time.Advance(TimeSpan.FromSeconds(1));

        var (sample, overview) = collector.Collect();

        Assert.Equal(12, overview.Kafka!.ConsumerLag);
        Assert.Equal(12, sample.Kafka!.ConsumerLag);
        Assert.Equal(5, sample.Kafka.DeadLetters);
        Assert.Equal(4, sample.Kafka.InCache);
        Assert.Equal(4, overview.Kafka.InCache);
    }

    [Fact]
    public void The_offer_funnel_is_the_running_totals_with_the_city_acceptance_rate()
    {
        var collector = NewCollector(kafka: false);
        Assert.Null(collector.Collect().Overview.Offers.AcceptanceRate);

        _offers = new OfferCounts(Sent: 10, Accepted: 3, Declined: 2, Expired: 1, Arrived: 2, Failed: 1);
        var (sample, overview) = collector.Collect();

        Assert.Equal(_offers, sample.Offers);
        Assert.Equal(new OfferFunnel(10, 3, 2, 1, 2, 1, 0.5), overview.Offers);
        Assert.Null(overview.Kafka);
        Assert.Null(sample.Kafka);
    }

    [Fact]
    public void Sample_times_are_whole_milliseconds_of_the_clock_and_the_silo_is_named()
    {
        var collector = NewCollector();
        _time.Advance(TimeSpan.FromTicks(12_345));

        var (sample, overview) = collector.Collect();

        Assert.Equal(0, sample.At.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.True(_time.GetUtcNow() - sample.At < TimeSpan.FromMilliseconds(1));
        Assert.Equal(sample.At, overview.At);
        Assert.Equal("S127.0.0.1:11111:1", overview.Silo.SiloAddress);
        Assert.Equal(Environment.ProcessId, overview.Silo.ProcessId);
    }

    private static KafkaStreamFigures Snapshot(params (string Topic, long Read)[] topics) => new(
        topics.ToDictionary(t => t.Topic, t => t.Read, StringComparer.Ordinal),
        new Dictionary<string, long>(),
        new Dictionary<string, long>(),
        [],
        0);
}
