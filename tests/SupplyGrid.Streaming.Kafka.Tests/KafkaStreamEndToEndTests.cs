using System.Text;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>Records produced to Kafka reach their key's implicitly subscribed grain through a real silo.</summary>
public sealed class KafkaStreamEndToEndTests(KafkaStreamSilo silo, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<KafkaStreamSilo>
{
    [Fact]
    public async Task Every_record_reaches_its_keys_grain_once_and_in_order()
    {
        var keys = Enumerable.Range(0, 5).Select(i => $"e2e-{i}").ToList();
        const int perKey = 50;
        // Interleaved across keys, as a real topic would carry them.
        await silo.ProduceAsync(Enumerable.Range(0, perKey).SelectMany(n => keys.Select(key => ((string?)key, $"{key}#{n}"))));

        await Eventually.Until(
            () => keys.All(key => silo.Deliveries.Values(key).Count >= perKey),
            () => string.Join(", ", keys.Select(key => $"{key}: {silo.Deliveries.Values(key).Count}/{perKey}")));

        foreach (var key in keys)
        {
            Assert.Equal(Enumerable.Range(0, perKey).Select(n => $"{key}#{n}"), silo.Deliveries.Values(key));
            // The sequence tokens are the record offsets: strictly ascending within a key's partition.
            var offsets = silo.Deliveries.Offsets(key);
            Assert.True(offsets.Zip(offsets.Skip(1)).All(pair => pair.First < pair.Second), $"{key}: offsets out of order: {string.Join(",", offsets)}");
        }

        // The five keys really went through more than one partition (queue).
        var mapper = new KafkaQueueMapper([new KafkaStreamTopic { Topic = KafkaStreamSilo.Topic, StreamNamespace = KafkaStreamSilo.StreamNamespace, PartitionCount = KafkaStreamSilo.Partitions }]);
        Assert.True(keys.Select(key => mapper.GetQueueForStream(StreamId.Create(KafkaStreamSilo.StreamNamespace, key))).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_decoder_can_send_records_of_many_keys_and_partitions_to_one_stream()
    {
        const string gatherer = "gatherer-1";
        var keys = Enumerable.Range(0, 40).Select(i => $"scattered-{i}").ToList();
        Assert.True(keys.Select(key => KafkaMurmur2.Partition(Encoding.UTF8.GetBytes(key), KafkaStreamSilo.Partitions)).Distinct().Count() > 1);

        await silo.ProduceAsync(keys.Select(key => ((string?)key, $"{TestRecords.RedirectPrefix}{gatherer}|from {key}")));

        await Eventually.Until(
            () => silo.Deliveries.Values(gatherer).Count >= keys.Count,
            () => $"{gatherer}: {silo.Deliveries.Values(gatherer).Count}/{keys.Count}");
        Assert.Equal(keys.Select(key => $"from {key}").Order(), silo.Deliveries.Values(gatherer).Order());
        Assert.All(keys, key => Assert.Empty(silo.Deliveries.Values(key)));
    }

    [Fact]
    public async Task An_ignored_record_reaches_no_grain_and_no_dead_letter_topic_and_its_key_goes_on()
    {
        const string key = "skipping-1";
        var (ignoredBefore, deadBefore) = (silo.Statistics.RecordsIgnored, silo.Statistics.RecordsUndecodable);

        await silo.ProduceAsync([(key, $"{key}#0"), (key, $"{TestRecords.IgnorePrefix} {key}"), (key, $"{key}#1")]);

        await Eventually.Until(() => silo.Deliveries.Values(key).Count >= 2, () => $"{key}: {silo.Deliveries.Values(key).Count}/2");
        Assert.Equal([$"{key}#0", $"{key}#1"], silo.Deliveries.Values(key));
        Assert.Equal(ignoredBefore + 1, silo.Statistics.RecordsIgnored);
        Assert.Equal(deadBefore, silo.Statistics.RecordsUndecodable);
    }

    [Fact]
    public async Task Once_everything_is_delivered_the_group_has_committed_the_end_of_every_partition()
    {
        // One key per partition, so that every partition has records whose commit is checked.
        var keys = Enumerable.Range(0, 1000).Select(i => $"commit-{i}")
            .DistinctBy(key => KafkaMurmur2.Partition(Encoding.UTF8.GetBytes(key), KafkaStreamSilo.Partitions))
            .ToList();
        Assert.Equal(KafkaStreamSilo.Partitions, keys.Count);
        const int perKey = 20;
        await silo.ProduceAsync(Enumerable.Range(0, perKey).SelectMany(n => keys.Select(key => ((string?)key, $"{key}#{n}"))));
        await Eventually.Until(
            () => keys.All(key => silo.Deliveries.Values(key).Count >= perKey),
            () => string.Join(", ", keys.Select(key => $"{key}: {silo.Deliveries.Values(key).Count}/{perKey}")));

        await WaitUntilCommittedToTheEndAsync(Enumerable.Range(0, KafkaStreamSilo.Partitions));

        // Committing (and the cache purges behind it) delivered nothing twice.
        foreach (var key in keys)
            Assert.Equal(Enumerable.Range(0, perKey).Select(n => $"{key}#{n}"), silo.Deliveries.Values(key));
    }

    [Fact]
    public async Task A_bad_record_goes_to_the_dead_letter_topic_as_it_was_and_the_next_record_of_its_key_is_delivered()
    {
        const string key = "poison-1";
        var produced = await silo.ProduceAsync(KafkaStreamSilo.Topic,
        [
            new() { Key = key, Value = $"{key}#0" },
            new() { Key = key, Value = $"{TestRecords.RejectPrefix} {key}#1", Headers = TestRecords.Headers(("trace-id", "t-1"), ("tenant", "a")) },
            new() { Key = key, Value = $"{TestRecords.ThrowPrefix} {key}#2" },
            // A keyless record has no stream (and lands on any partition).
            new() { Key = null, Value = $"keyless {key}", Headers = TestRecords.Headers(("trace-id", "t-3")) },
            new() { Key = key, Value = $"{key}#3" },
        ]);
        var bad = produced.Skip(1).Take(3).ToList();

        await Eventually.Until(
            () => silo.Deliveries.Values(key).Contains($"{key}#3"),
            () => $"{key} got [{string.Join(", ", silo.Deliveries.Values(key))}]");
        Assert.Equal([$"{key}#0", $"{key}#3"], silo.Deliveries.Values(key));

        var letters = DeadLetterTopicReader.Read(silo.Broker.BootstrapServers, KafkaStreamSilo.DeadLetterTopic, 1, count: 3,
            letter => bad.Any(b => IsLetterOf(letter, b)));
        var (rejected, threw, keyless) = (LetterOf(bad[0]), LetterOf(bad[1]), LetterOf(bad[2]));

        // Original key, value and headers, in that order before the dead-letter headers.
        Assert.Equal(key, Utf8(rejected.Message.Key));
        Assert.Equal($"{TestRecords.RejectPrefix} {key}#1", Utf8(rejected.Message.Value));
        Assert.Equal(
            ["trace-id", "tenant", KafkaDeadLetterHeaders.Reason, KafkaDeadLetterHeaders.Category, KafkaDeadLetterHeaders.Topic,
             KafkaDeadLetterHeaders.Partition, KafkaDeadLetterHeaders.Offset, KafkaDeadLetterHeaders.ConsumerGroup],
            rejected.Message.Headers.Select(h => h.Key));
        Assert.Equal("t-1", TestRecords.Header(rejected.Message.Headers, "trace-id"));
        Assert.Equal("a", TestRecords.Header(rejected.Message.Headers, "tenant"));
        Assert.Equal($"test decoder rejects '{TestRecords.RejectPrefix} {key}#1'", TestRecords.Header(rejected.Message.Headers, KafkaDeadLetterHeaders.Reason));
        Assert.Equal(KafkaDeadLetterReasons.Rejected, TestRecords.Header(rejected.Message.Headers, KafkaDeadLetterHeaders.Category));
        Assert.Equal(KafkaStreamSilo.GroupId, TestRecords.Header(rejected.Message.Headers, KafkaDeadLetterHeaders.ConsumerGroup));

        Assert.Equal(key, Utf8(threw.Message.Key));
        Assert.Equal(KafkaDeadLetterReasons.DecoderThrew, TestRecords.Header(threw.Message.Headers, KafkaDeadLetterHeaders.Category));
        Assert.Equal(typeof(InvalidOperationException).FullName, TestRecords.Header(threw.Message.Headers, KafkaDeadLetterHeaders.Exception));
        Assert.Contains("test decoder throws", TestRecords.Header(threw.Message.Headers, KafkaDeadLetterHeaders.Reason));

        Assert.Null(keyless.Message.Key);
        Assert.Equal($"keyless {key}", Utf8(keyless.Message.Value));
        Assert.Equal("t-3", TestRecords.Header(keyless.Message.Headers, "trace-id"));
        Assert.Equal(KafkaDeadLetterReasons.NoKey, TestRecords.Header(keyless.Message.Headers, KafkaDeadLetterHeaders.Category));

        // The letters are acknowledged, so the commits pass them.
        await WaitUntilCommittedToTheEndAsync(produced.Select(p => p.Partition.Value).Distinct());
        return;

        ConsumeResult<byte[]?, byte[]?> LetterOf(DeliveryResult<string?, string> source) => Assert.Single(letters, letter => IsLetterOf(letter, source));
    }

    [Fact]
    public async Task A_record_its_grain_keeps_failing_on_is_dead_lettered_whole_after_the_delivery_time_limit_and_nothing_else_waits_longer()
    {
        const string key = "poisoned-1";
        var limit = KafkaStreamSilo.DeliveryTimeLimit;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var produced = await silo.ProduceAsync(KafkaStreamSilo.Topic,
        [
            new() { Key = key, Value = $"{key}#0" },
            new() { Key = key, Value = $"{TestRecords.FailPrefix} {key}#1", Headers = TestRecords.Headers(("trace-id", "t-9")) },
            new() { Key = key, Value = $"{key}#2" },
            .. Enumerable.Range(0, 24).Select(i => new Message<string?, string> { Key = $"bystander-{i}", Value = $"bystander-{i}#0" }),
        ]);
        var poisoned = produced[1];
        var bystanders = produced.Skip(3).ToList();

        // Other keys, those of the poisoned partition too, are not held back: the cache has room behind the failing record.
        await Eventually.Until(
            () => bystanders.All(b => silo.Deliveries.Values(b.Message.Key!).Count == 1),
            () => $"bystanders delivered: {bystanders.Count(b => silo.Deliveries.Values(b.Message.Key!).Count == 1)} of {bystanders.Count}");
        Assert.Contains(bystanders, b => b.Partition == poisoned.Partition);
        var bystandersDone = clock.Elapsed;

        // The poisoned key's stream waits for Orleans to give up on the record (retrying all along), then goes on.
        await Eventually.Until(
            () => silo.Deliveries.Values(key).Contains($"{key}#2"),
            () => $"{key} got [{string.Join(", ", silo.Deliveries.Values(key))}] after {silo.Deliveries.Failures(key)} failure(s)");
        var stall = clock.Elapsed;
        output.WriteLine($"other keys delivered after {bystandersDone.TotalSeconds:0.00} s; the poisoned key's next record after {stall.TotalSeconds:0.00} s (limit {limit.TotalSeconds:0} s)");
        Assert.Equal([$"{key}#0", $"{key}#2"], silo.Deliveries.Values(key));
        Assert.True(silo.Deliveries.Failures(key) >= 2, $"the grain threw {silo.Deliveries.Failures(key)} time(s): Orleans did not retry");
        Assert.True(bystandersDone < limit, $"the other keys waited {bystandersDone.TotalSeconds:0.0} s, as long as the delivery time limit");
        // Given up at most a fifth of the limit after it (the longest wait between attempts), plus the dead letter's time.
        Assert.InRange(stall, limit * 0.9, limit * 1.2 + TimeSpan.FromSeconds(3));

        // Dead-lettered whole: its key, value and headers as produced, then why.
        var letter = Assert.Single(DeadLetterTopicReader.Read(silo.Broker.BootstrapServers, KafkaStreamSilo.DeadLetterTopic, 1, count: 1,
            candidate => IsLetterOf(candidate, poisoned)));
        Assert.Equal(key, Utf8(letter.Message.Key));
        Assert.Equal($"{TestRecords.FailPrefix} {key}#1", Utf8(letter.Message.Value));
        Assert.Equal("t-9", TestRecords.Header(letter.Message.Headers, "trace-id"));
        Assert.Equal(KafkaDeadLetterReasons.DeliveryFailed, TestRecords.Header(letter.Message.Headers, KafkaDeadLetterHeaders.Category));
        Assert.Contains("delivery time limit", TestRecords.Header(letter.Message.Headers, KafkaDeadLetterHeaders.Reason));

        // The letter is acknowledged, so the commit passes the record.
        await WaitUntilCommittedToTheEndAsync([poisoned.Partition.Value]);
    }

    [Fact]
    public async Task Metrics_count_records_read_and_dead_letters_by_reason_and_lag_drains_to_zero()
    {
        using var metrics = new MetricsRecorder(KafkaStreamSilo.ProviderName);
        var keys = Enumerable.Range(0, 4).Select(i => $"metered-{i}").ToList();
        const int perKey = 5;
        var good = Enumerable.Range(0, perKey).SelectMany(n => keys.Select(key => new Message<string?, string> { Key = key, Value = $"{key}#{n}" }));
        Message<string?, string>[] bad =
        [
            new() { Key = keys[0], Value = $"{TestRecords.RejectPrefix} 1" },
            new() { Key = keys[1], Value = $"{TestRecords.RejectPrefix} 2" },
            new() { Key = keys[2], Value = $"{TestRecords.ThrowPrefix} 3" },
            new() { Key = null, Value = "keyless 4" },
            new() { Key = "", Value = "empty key 5" },
        ];
        await silo.ProduceAsync(KafkaStreamSilo.MeteredTopic, good.Concat(bad));

        var topic = (KafkaStreamInstruments.TopicTag, (object)KafkaStreamSilo.MeteredTopic);
        long DeadLettered(string reason) => metrics.Sum(KafkaStreamInstruments.RecordsDeadLettered, topic, (KafkaStreamInstruments.ReasonTag, reason));
        await Eventually.Until(
            () => keys.All(key => silo.Deliveries.Values(key).Count == perKey) && DeadLettered(KafkaDeadLetterReasons.NoKey) == 2,
            () => $"delivered {string.Join(", ", keys.Select(key => silo.Deliveries.Values(key).Count))} of {perKey} each, {DeadLettered(KafkaDeadLetterReasons.NoKey)} of 2 keyless letters");
        await Eventually.Until(
            () => DeadLettered(KafkaDeadLetterReasons.Rejected) == 2 && DeadLettered(KafkaDeadLetterReasons.DecoderThrew) == 1,
            () => $"dead letters: rejected {DeadLettered(KafkaDeadLetterReasons.Rejected)} of 2, decoder_threw {DeadLettered(KafkaDeadLetterReasons.DecoderThrew)} of 1");

        Assert.Equal(keys.Count * perKey + bad.Length, metrics.Sum(KafkaStreamInstruments.RecordsRead, topic));
        Assert.Equal(0, metrics.Sum(KafkaStreamInstruments.DeadLetterFailures, topic, (KafkaStreamInstruments.ReasonTag, KafkaDeadLetterReasons.Rejected)));

        // Every partition of the topic reports its lag (a partition no record went to reports it from its end), down to 0.
        long? Lag(int partition) => metrics.Observe(KafkaStreamInstruments.ConsumerLag, topic, (KafkaStreamInstruments.PartitionTag, partition));
        var partitions = Enumerable.Range(0, KafkaStreamSilo.MeteredPartitions).ToList();
        await Eventually.Until(
            () => partitions.All(p => Lag(p) == 0),
            () => string.Join(", ", partitions.Select(p => $"partition {p}: lag {Lag(p)?.ToString() ?? "not reported"}")));
        // The cache lets go of everything once delivered, as the commits of the partitions show.
        await Eventually.Until(
            () => metrics.Observe(KafkaStreamInstruments.RecordsInCache) == 0,
            () => $"{metrics.Observe(KafkaStreamInstruments.RecordsInCache)} records still cached");
        await WaitUntilCommittedToTheEndAsync(partitions, KafkaStreamSilo.MeteredTopic);
        Assert.True(metrics.Sum(KafkaStreamInstruments.Commits, topic) > 0, "no commit of the metered topic was counted");
    }

    private async Task WaitUntilCommittedToTheEndAsync(IEnumerable<int> partitionNumbers, string topic = KafkaStreamSilo.Topic)
    {
        using var observer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = silo.Broker.BootstrapServers,
            GroupId = KafkaStreamSilo.GroupId,
            EnableAutoCommit = false,
        }).Build();
        var partitions = partitionNumbers.Select(p => new TopicPartition(topic, p)).ToList();
        var ends = partitions.ToDictionary(tp => tp.Partition.Value, tp => observer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
        var committed = new Dictionary<int, long>();

        await Eventually.Until(
            () =>
            {
                foreach (var offset in observer.Committed(partitions, TimeSpan.FromSeconds(10)))
                    committed[offset.Partition.Value] = offset.Offset.Value;
                return ends.All(end => committed.GetValueOrDefault(end.Key, -1) == end.Value);
            },
            () => string.Join(", ", ends.Select(end => $"{topic}[{end.Key}]: committed {committed.GetValueOrDefault(end.Key, -1)}, end {end.Value}")));
    }

    private static bool IsLetterOf(ConsumeResult<byte[]?, byte[]?> letter, DeliveryResult<string?, string> source) =>
        TestRecords.Header(letter.Message.Headers, KafkaDeadLetterHeaders.Topic) == source.Topic
        && TestRecords.Header(letter.Message.Headers, KafkaDeadLetterHeaders.Partition) == source.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && TestRecords.Header(letter.Message.Headers, KafkaDeadLetterHeaders.Offset) == source.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Utf8(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
