using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>Plain Confluent.Kafka clients for tests: a producer that reports where each record landed, and a reader.</summary>
internal static class TestKafka
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static byte[] Json(DriverPing ping) => JsonSerializer.SerializeToUtf8Bytes(ping, TestJsonContext.Default.DriverPing);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Produces the records in order (idempotent producer) and returns where each one landed.</summary>
    public static List<TopicPartitionOffset> Produce(string bootstrap, string topic, IEnumerable<(byte[]? Key, byte[]? Value)> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            LingerMs = 2,
        }).Build();
        var reports = new List<Task<DeliveryResult<byte[]?, byte[]?>>>();
        foreach (var (key, value) in records)
            reports.Add(producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = key, Value = value }));
        producer.Flush(Patience);
        return [.. reports.Select(r => r.Wait(Patience) ? r.Result.TopicPartitionOffset : throw new TimeoutException("a test record was not delivered"))];
    }

    public static List<TopicPartitionOffset> ProducePings(string bootstrap, string topic, IEnumerable<DriverPing> pings) =>
        Produce(bootstrap, topic, pings.Select(p => ((byte[]?)Utf8(p.DriverId), (byte[]?)Json(p))));

    /// <summary>Reads <paramref name="count"/> records from the start of every partition of <paramref name="topic"/> (no group).</summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> Read(string bootstrap, string topic, int count, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "test-reader",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, PartitionCount(bootstrap, topic)).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
                results.Add(result);
        }

        if (results.Count < count)
            throw new TimeoutException($"expected {count} records on {topic}, read {results.Count}");
        return results;
    }

    public static int PartitionCount(string bootstrap, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        return admin.GetMetadata(topic, Patience).Topics.Single().Partitions.Count;
    }

    /// <summary>The offsets group <paramref name="groupId"/> has committed on <paramref name="topic"/>'s partitions.</summary>
    public static Dictionary<int, long> Committed(string bootstrap, string groupId, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = groupId }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), Patience);
        return committed.ToDictionary(c => c.Partition.Value, c => c.Offset.IsSpecial ? 0 : c.Offset.Value);
    }

    public static string Header(this ConsumeResult<byte[]?, byte[]?> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : throw new KeyNotFoundException($"no header '{name}'");
}
