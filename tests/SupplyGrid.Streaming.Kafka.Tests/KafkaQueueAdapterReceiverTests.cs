using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Streams;
using Xunit.Sdk;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// One receiver against the embedded broker, driven as its pulling agent drives it, on a fake clock: what it commits,
/// and when. Dead letters go to a <see cref="GatedDeadLetterSink"/>, so the test decides when the broker acknowledges
/// them. Each test has a topic and consumer group of its own.
/// </summary>
public sealed class KafkaQueueAdapterReceiverTests(KafkaQueueAdapterReceiverTests.Broker broker)
    : IClassFixture<KafkaQueueAdapterReceiverTests.Broker>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();
    private readonly KafkaStreamStatistics _statistics = new("receiver-tests");

    public void Dispose() => _statistics.Dispose();

    [Fact]
    public async Task Nothing_is_committed_past_the_oldest_record_the_cache_still_holds()
    {
        var (options, partition) = NewTopic("held");
        await ProduceAsync(partition, Enumerable.Range(0, 5).Select(n => ((string?)"k", $"k#{n}")));
        var receiver = await StartAsync(options, partition, new GatedDeadLetterSink());

        var read = await ReadAsync(receiver, 5);
        Assert.True(Committed(options, partition) < 1, "committed before the cache let go of anything");
        Assert.Equal(5, _statistics.RecordsInCache);

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.Take(2).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));
        Assert.Equal(3, _statistics.RecordsInCache);

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.Skip(2).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(5, Committed(options, partition));
        Assert.Equal(0, _statistics.RecordsInCache);
        Assert.Equal(5, _statistics.RecordsRead);
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Progress_held_back_by_the_commit_interval_is_committed_by_a_later_read()
    {
        var (options, partition) = NewTopic("flushed");
        await ProduceAsync(partition, Enumerable.Range(0, 4).Select(n => ((string?)"k", $"k#{n}")));
        var receiver = await StartAsync(options, partition, new GatedDeadLetterSink());
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
    public async Task Undeliverable_records_are_dead_lettered_by_reason_and_committed_past_once_acknowledged()
    {
        var (options, partition) = NewTopic("dead-lettered");
        await ProduceAsync(partition, [("k", "k#0"), ("k", $"{TestRecords.RejectPrefix} k#1"), (null, "keyless"), ("k", $"{TestRecords.ThrowPrefix} k#3")]);
        var sink = new GatedDeadLetterSink { AutoAcknowledge = true };
        var receiver = await StartAsync(options, partition, sink);

        var read = await ReadAsync(receiver, 1, expectedDeadLetters: 3);
        Assert.Equal("k#0", Assert.Single(read).Event);

        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(4, Committed(options, partition));
        Assert.Equal(
            [(1L, KafkaDeadLetterReasons.Rejected), (2L, KafkaDeadLetterReasons.NoKey), (3L, KafkaDeadLetterReasons.DecoderThrew)],
            sink.Letters.Select(l => (l.SourceOffset, l.Category)));
        Assert.Equal("test decoder rejects 'reject k#1'", sink.Letters[0].Reason);
        Assert.Equal(typeof(InvalidOperationException).FullName, sink.Letters[2].ExceptionType);
        Assert.Equal((3L, 3L, 0L), (_statistics.RecordsUndecodable, _statistics.RecordsDeadLettered, _statistics.DeadLetterFailures));
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task The_commit_stops_at_a_dead_letter_until_the_broker_acknowledges_it_while_later_records_are_delivered()
    {
        var (options, partition) = NewTopic("unacknowledged");
        await ProduceAsync(partition, [("k", "k#0"), ("k", $"{TestRecords.RejectPrefix} k#1"), ("k", "k#2"), ("k", "k#3")]);
        var sink = new GatedDeadLetterSink();
        var receiver = await StartAsync(options, partition, sink);

        // Reading goes on past the letter in flight, and the cache lets go of everything.
        var read = await ReadAsync(receiver, 3, expectedDeadLetters: 1);
        Assert.Equal(["k#0", "k#2", "k#3"], read.Select(c => (string)c.Event));
        _time.Advance(Interval);
        await receiver.MessagesDeliveredAsync(read.ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));
        _time.Advance(Interval);
        await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));

        sink.Acknowledge(1);
        await receiver.GetQueueMessagesAsync(100, CancellationToken.None);
        Assert.Equal(4, Committed(options, partition));
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task A_dead_letter_that_fails_pins_the_commit_and_its_record_is_read_again_after_a_restart()
    {
        var (options, partition) = NewTopic("failed");
        await ProduceAsync(partition, [("k", "k#0"), ("k", $"{TestRecords.RejectPrefix} k#1"), ("k", "k#2"), ("k", $"{TestRecords.RejectPrefix} k#3"), ("k", "k#4")]);
        var failing = new GatedDeadLetterSink();
        var first = await StartAsync(options, partition, failing);

        var read = await ReadAsync(first, 3, expectedDeadLetters: 2);
        failing.Fail(1);
        failing.Acknowledge(3);
        _time.Advance(Interval);
        await first.MessagesDeliveredAsync(read.ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));
        Assert.Equal((1L, 1L), (_statistics.RecordsDeadLettered, _statistics.DeadLetterFailures));

        // Neither time, nor later reads, nor shutting down move the commit past the failed letter.
        _time.Advance(Interval);
        await first.GetQueueMessagesAsync(100, CancellationToken.None);
        await first.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));

        // The next receiver starts at the failed record, dead-letters it again, and this time the commit passes it.
        var working = new GatedDeadLetterSink { AutoAcknowledge = true };
        var second = await StartAsync(options, partition, working);
        var reread = await ReadAsync(second, 2, expectedDeadLetters: 2);
        Assert.Equal(["k#2", "k#4"], reread.Select(c => (string)c.Event));
        Assert.Equal([1L, 3L], working.Letters.Select(l => l.SourceOffset));
        _time.Advance(Interval);
        await second.MessagesDeliveredAsync(reread.ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(5, Committed(options, partition));
        await second.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Shutdown_commits_what_was_purged_and_the_next_receiver_resumes_there()
    {
        var (options, partition) = NewTopic("resumed");
        await ProduceAsync(partition, Enumerable.Range(0, 5).Select(n => ((string?)"k", $"k#{n}")));
        var first = await StartAsync(options, partition, new GatedDeadLetterSink());
        var read = await ReadAsync(first, 5);

        _time.Advance(Interval);
        await first.MessagesDeliveredAsync(read.Take(1).ToList<IBatchContainer>(), CancellationToken.None);
        await first.MessagesDeliveredAsync(read.Skip(1).Take(1).ToList<IBatchContainer>(), CancellationToken.None);
        Assert.Equal(1, Committed(options, partition));
        // Shutting down commits past the purged records whatever the interval; records still cached stay uncommitted.
        await first.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(2, Committed(options, partition));
        // The agent drops its cache with the receiver.
        Assert.Equal(0, _statistics.RecordsInCache);

        var second = await StartAsync(options, partition, new GatedDeadLetterSink());
        var reread = await ReadAsync(second, 3);
        Assert.Equal(["k#2", "k#3", "k#4"], reread.Select(c => (string)c.Event));
        Assert.Equal([2L, 3L, 4L], reread.Select(c => c.Offset));
        await second.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Lag_is_known_at_the_end_of_an_empty_partition()
    {
        var (options, partition) = NewTopic("lag-empty");
        var receiver = await StartAsync(options, partition, new GatedDeadLetterSink());

        // Nothing was read: the end of the partition tells the receiver where it is.
        await ReadUntilAsync(receiver, () => receiver.Lag == 0, () => $"lag {receiver.Lag} on the empty partition, not 0");
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task Lag_is_the_high_watermark_minus_the_position()
    {
        var (options, partition) = NewTopic("lag");
        // Produced before the receiver starts, so that every fetch it makes reports the high watermark 5.
        await ProduceAsync(partition, Enumerable.Range(0, 5).Select(n => ((string?)"k", $"k#{n}")));
        var receiver = await StartAsync(options, partition, new GatedDeadLetterSink());

        var read = new List<IBatchContainer>();
        await ReadUntilAsync(receiver, () => read.Count == 2, () => $"read {read.Count} of 2", maxCount: 2, read);
        Assert.Equal(3, receiver.Lag);
        await ReadUntilAsync(receiver, () => read.Count == 5 && receiver.Lag == 0, () => $"read {read.Count} of 5, lag {receiver.Lag}", maxCount: 100, read);
        await receiver.Shutdown(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Fact]
    public async Task The_dead_letter_producer_fails_the_write_when_its_settings_are_refused()
    {
        var (options, _) = NewTopic("bad-producer");
        options.ProducerSettings["linger.ms"] = "not a number";
        using var producer = new KafkaDeadLetterProducer(options, NullLogger.Instance);
        var letter = new KafkaDeadLetter("t", 0, 7, "g", null, [1], [], KafkaDeadLetterReasons.NoKey, "no key", null);

        await Assert.ThrowsAnyAsync<Exception>(() => producer.WriteAsync(letter));
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
            DeadLetterTopic = "receiver-dead-letters",
            CommitInterval = Interval,
        }.AddTopic(topic, "ns", 1);
        return (options, new TopicPartition(topic, 0));
    }

    private async Task<KafkaQueueAdapterReceiver> StartAsync(KafkaStreamOptions options, TopicPartition partition, GatedDeadLetterSink sink)
    {
        var receiver = new KafkaQueueAdapterReceiver(options, partition, "ns", sink, _statistics, NullLogger.Instance, _time);
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
    private async Task<List<KafkaBatchContainer>> ReadAsync(KafkaQueueAdapterReceiver receiver, int count, int expectedDeadLetters = 0)
    {
        var read = new List<IBatchContainer>();
        var deadLettersBefore = _statistics.RecordsUndecodable;
        await ReadUntilAsync(
            receiver,
            () => read.Count >= count && _statistics.RecordsUndecodable - deadLettersBefore >= expectedDeadLetters,
            () => $"read {read.Count} of {count} records and dead-lettered {_statistics.RecordsUndecodable - deadLettersBefore} of {expectedDeadLetters}",
            read: read);

        Assert.Equal(count, read.Count);
        return read.Cast<KafkaBatchContainer>().ToList();
    }

    // Reads (at most maxCount per call) until the condition holds.
    private static async Task ReadUntilAsync(
        KafkaQueueAdapterReceiver receiver, Func<bool> condition, Func<string> whatIsMissing, int maxCount = 100, List<IBatchContainer>? read = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var batch = await receiver.GetQueueMessagesAsync(maxCount, CancellationToken.None);
            read?.AddRange(batch);
            if (condition())
                return;
            if (clock.Elapsed > Eventually.DefaultTimeout)
                throw new XunitException($"Not reached within {Eventually.DefaultTimeout.TotalSeconds:0} s: {whatIsMissing()}");
            if (batch.Count == 0)
                await Task.Delay(25);
        }
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
