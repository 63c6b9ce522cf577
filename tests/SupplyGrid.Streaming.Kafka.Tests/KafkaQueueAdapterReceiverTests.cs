using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Streams;
using Xunit.Sdk;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// One receiver against the embedded broker, driven as its pulling agent drives it, on a fake clock: what it commits,
/// and when. Each test has a topic and consumer group of its own.
/// </summary>
public sealed class KafkaQueueAdapterReceiverTests(KafkaQueueAdapterReceiverTests.Broker broker)
    : IClassFixture<KafkaQueueAdapterReceiverTests.Broker>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();
    private readonly KafkaStreamStatistics _statistics = new();

    [Fact]
    public async Task Nothing_is_committed_past_the_oldest_record_the_cache_still_holds()
    {
        var (options, partition) = NewTopic("held");
        await ProduceAsync(partition, Enumerable.Range(0, 5).Select(n => ((string?)"k", $"k#{n}")));
        var receiver = await StartAsync(options, partition);

        var read = await ReadAsync(receiver, 5);
        Assert.True(Committed(options, partition) < 1, "committed before the cache let go of anything");

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.Take(2).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.Skip(2).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(5, Committed(options, partition));
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Progress_held_back_by_the_commit_interval_is_committed_by_a_later_read()
    {
        var (options, partition) = NewTopic("flushed");
        await ProduceAsync(partition, Enumerable.Range(0, 4).Select(n => ((string?)"k", $"k#{n}")));
        var receiver = await StartAsync(options, partition);
        var read = await ReadAsync(receiver, 4);

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.Take(2).ToList<IBatchContainer>(), CancellationToken.None);
        await receiver.MessagesDeliveredAsync(read.Skip(2).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));

        // The cache is empty now, so the agent will not call MessagesDeliveredAsync again; it keeps reading.
        await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));
        _time.Advance(Interval);
        await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
        Assert.Equal(4, Committed(options, partition));
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Skipped_records_are_counted_and_committed_past()
    {
        var (options, partition) = NewTopic("skipped");
        await ProduceAsync(partition, [("k", "k#0"), ("k", $"{TestRecords.RejectPrefix} k#1"), (null, "keyless")]);
        var receiver = await StartAsync(options, partition);

        var read = await ReadAsync(receiver, 1, expectedSkips: 2);
        Assert.Equal("k#0", Assert.Single(read).Event);

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(3, Committed(options, partition));
        Assert.Equal(2, _statistics.RecordsUndecodable);
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Shutdown_commits_what_was_purged_and_the_next_receiver_resumes_there()
    {
        var (options, partition) = NewTopic("resumed");
        await ProduceAsync(partition, Enumerable.Range(0, 5).Select(n => ((string?)"k", $"k#{n}")));
        var first = await StartAsync(options, partition);
        var read = await ReadAsync(first, 5);

        _time.Advance(Interval);
        await first.MessagesDeliveredAsync(read.Take(1).ToList<IBatchContainer>(), CancellationToken.None);
        await first.MessagesDeliveredAsync(read.Skip(1).Take(1).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));
        // Shutting down commits past the purged records whatever the interval; records still cached stay uncommitted.
        await first.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));

        var second = await StartAsync(options, partition);
        var reread = await ReadAsync(second, 3);
        Assert.Equal(["k#2", "k#3", "k#4"], reread.Select(c => (string)c.Event));
        Assert.Equal([2L, 3L, 4L], reread.Select(c => c.Offset));
        await second.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    private (KafkaStreamOptions Options, TopicPartition Partition) NewTopic(string name)
    {
        var topic = $"receiver-{name}";
        broker.Instance.CreateTopic(topic, 1);
        var options = new KafkaStreamOptions
        {
            BootstrapServers = broker.Instance.BootstrapServers,
            ConsumerGroupId = $"receiver-tests-{name}",
            Decoder = TestRecords.Decoder,
            CommitInterval = Interval,
        }.AddTopic(topic, "ns", 1);
        return (options, new TopicPartition(topic, 0));
    }

    private async Task<KafkaQueueAdapterReceiver> StartAsync(KafkaStreamOptions options, TopicPartition partition)
    {
        var receiver = new KafkaQueueAdapterReceiver(options, partition, "ns", _statistics, NullLogger.Instance, _time);
        await receiver.Initialize(TimeSpan.FromSeconds(10), CancellationToken.None);
        return receiver;
    }

    private async Task ProduceAsync(TopicPartition partition, IEnumerable<(string? Key, string Value)> records)
    {
        using var producer = TestRecords.Producer(broker.Instance.BootstrapServers);
        foreach (var (key, value) in records)
            await producer.ProduceAsync(partition, new Message<string?, string> { Key = key, Value = value });
    }

    // Reads as the agent does, one call per tick, until the records librdkafka prefetches have all come through.
    private async Task<List<KafkaBatchContainer>> ReadAsync(KafkaQueueAdapterReceiver receiver, int count, int expectedSkips = 0)
    {
        var read = new List<KafkaBatchContainer>();
        var skipsBefore = _statistics.RecordsUndecodable;
        var clock = Stopwatch.StartNew();
        while (read.Count < count || _statistics.RecordsUndecodable - skipsBefore < expectedSkips)
        {
            if (clock.Elapsed > Eventually.DefaultTimeout)
                throw new XunitException($"Read {read.Count} of {count} records and skipped {_statistics.RecordsUndecodable - skipsBefore} of {expectedSkips} within {Eventually.DefaultTimeout}.");
            var batch = await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
            read.AddRange(batch.Cast<KafkaBatchContainer>());
            if (batch.Count == 0)
                await Task.Delay(25);
        }

        Assert.Equal(count, read.Count);
        return read;
    }

    private long Committed(KafkaStreamOptions options, TopicPartition partition)
    {
        using var observer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.ConsumerGroupId,
            EnableAutoCommit = false,
        }).Build();
        return observer.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset.Value;
    }

    /// <summary>The broker the class's tests share.</summary>
    public sealed class Broker : IDisposable
    {
        public EmbeddedKafkaBroker Instance { get; } = new();

        public void Dispose() => Instance.Dispose();
    }
}
