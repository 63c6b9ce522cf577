using System.Diagnostics;
using Confluent.Kafka;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// The baseline: a bare Confluent consumer reading the whole driver_event topic from the start as fast as it can, with
/// nothing done per record. What the broker and librdkafka allow on this machine, against which the provider is read.
/// </summary>
internal static class BaselineConsumer
{
    /// <summary>Records per second over the first <paramref name="total"/> records (or what two minutes allowed).</summary>
    public static double Rate(string bootstrapServers, long total)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "bench-ingest-baseline",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(Topics.DriverEvent, TimeSpan.FromSeconds(10));
        consumer.Assign(metadata.Topics[0].Partitions.Select(p => new TopicPartitionOffset(Topics.DriverEvent, p.PartitionId, Offset.Beginning)));
        var started = Stopwatch.GetTimestamp();
        var deadline = started + 120 * Stopwatch.Frequency;
        var read = 0L;
        while (read < total && Stopwatch.GetTimestamp() < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null)
                read++;
        }

        return read / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
