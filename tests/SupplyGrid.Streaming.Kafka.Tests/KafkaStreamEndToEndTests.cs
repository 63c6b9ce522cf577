using Microsoft.Extensions.DependencyInjection;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>Records produced to Kafka reach their key's implicitly subscribed grain through a real silo.</summary>
public sealed class KafkaStreamEndToEndTests(KafkaStreamSilo silo) : IClassFixture<KafkaStreamSilo>
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
    public async Task Once_everything_is_delivered_the_group_has_committed_the_end_of_every_partition()
    {
        // One key per partition, so that every partition has records whose commit is checked.
        var keys = Enumerable.Range(0, 1000).Select(i => $"commit-{i}")
            .DistinctBy(key => KafkaMurmur2.Partition(System.Text.Encoding.UTF8.GetBytes(key), KafkaStreamSilo.Partitions))
            .ToList();
        Assert.Equal(KafkaStreamSilo.Partitions, keys.Count);
        const int perKey = 20;
        await silo.ProduceAsync(Enumerable.Range(0, perKey).SelectMany(n => keys.Select(key => ((string?)key, $"{key}#{n}"))));
        await Eventually.Until(
            () => keys.All(key => silo.Deliveries.Values(key).Count >= perKey),
            () => string.Join(", ", keys.Select(key => $"{key}: {silo.Deliveries.Values(key).Count}/{perKey}")));

        using var observer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = silo.Broker.BootstrapServers,
            GroupId = KafkaStreamSilo.GroupId,
            EnableAutoCommit = false,
        }).Build();
        var partitions = Enumerable.Range(0, KafkaStreamSilo.Partitions).Select(p => new TopicPartition(KafkaStreamSilo.Topic, p)).ToList();
        var ends = partitions.ToDictionary(tp => tp.Partition.Value, tp => observer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
        var committed = new Dictionary<int, long>();

        await Eventually.Until(
            () =>
            {
                foreach (var offset in observer.Committed(partitions, TimeSpan.FromSeconds(10)))
                    committed[offset.Partition.Value] = offset.Offset.Value;
                return ends.All(end => committed.GetValueOrDefault(end.Key, -1) == end.Value);
            },
            () => string.Join(", ", ends.Select(end => $"partition {end.Key}: committed {committed.GetValueOrDefault(end.Key, -1)}, end {end.Value}")));

        // Committing (and the cache purges behind it) delivered nothing twice.
        foreach (var key in keys)
            Assert.Equal(Enumerable.Range(0, perKey).Select(n => $"{key}#{n}"), silo.Deliveries.Values(key));
    }

    [Fact]
    public async Task A_record_the_decoder_rejects_is_skipped_and_the_partition_moves_on()
    {
        const string key = "poison-1";
        var skippedBefore = silo.Statistics.RecordsUndecodable;

        await silo.ProduceAsync(
        [
            (key, $"{key}#0"),
            (key, $"{TestRecords.RejectPrefix} {key}#1"),
            // A keyless record has no stream: skipped as well.
            (null, "keyless"),
            (key, $"{key}#2"),
        ]);

        await Eventually.Until(
            () => silo.Deliveries.Values(key).Contains($"{key}#2") && silo.Statistics.RecordsUndecodable - skippedBefore >= 2,
            () => $"{key} got [{string.Join(", ", silo.Deliveries.Values(key))}], skipped {silo.Statistics.RecordsUndecodable - skippedBefore} of 2");
        Assert.Equal([$"{key}#0", $"{key}#2"], silo.Deliveries.Values(key));
        Assert.Equal(2, silo.Statistics.RecordsUndecodable - skippedBefore);
    }
}
