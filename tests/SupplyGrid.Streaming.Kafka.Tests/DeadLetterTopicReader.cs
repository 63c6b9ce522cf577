using System.Diagnostics;
using Xunit.Sdk;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>Reads a dead-letter topic from its beginning, as an operator's tool would.</summary>
internal static class DeadLetterTopicReader
{
    /// <summary>
    /// The records of <paramref name="topic"/> that <paramref name="wanted"/> picks, once <paramref name="count"/> of them
    /// have arrived; fails after <see cref="Eventually.DefaultTimeout"/>.
    /// </summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> Read(
        string bootstrapServers, string topic, int partitions, int count, Func<ConsumeResult<byte[]?, byte[]?>, bool> wanted)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"dead-letter-reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));

        var found = new List<ConsumeResult<byte[]?, byte[]?>>();
        var clock = Stopwatch.StartNew();
        while (found.Count < count)
        {
            if (clock.Elapsed > Eventually.DefaultTimeout)
                throw new XunitException($"Found {found.Count} of {count} dead letters on '{topic}' within {Eventually.DefaultTimeout.TotalSeconds:0} s.");
            // Waits for the next record at most this long: the loop, not the timeout, decides when to stop.
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result && wanted(result))
                found.Add(result);
        }

        consumer.Close();
        return found;
    }
}
