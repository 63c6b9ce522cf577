using System.Runtime.InteropServices;

namespace SupplyGrid.Kafka;

/// <summary>
/// An in-process Kafka-protocol broker: librdkafka's mock cluster listening on a loopback port. Any Kafka client
/// (producer, consumer group) connects to <see cref="BootstrapServers"/> as to a real cluster. Messages live in memory
/// only, so this is the default for local runs and tests, never for production.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable, IAsyncDisposable
{
    private readonly RdKafkaHandle _owner;
    private readonly MockClusterHandle _cluster;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);

    /// <param name="brokerCount">How many brokers the cluster has (1 is enough for one machine).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="brokerCount"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">librdkafka could not start the cluster.</exception>
    public EmbeddedKafkaBroker(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        BundledLibRdKafka.EnsureLoaded();
        // The owning handle's own log would repeat every connection the cluster sees; warnings and errors suffice.
        _owner = RdKafkaHandle.CreateProducer(new Dictionary<string, string> { ["log_level"] = "4" });
        try
        {
            _cluster = MockClusterHandle.Create(_owner, brokerCount);
            // A real broker holds a new group's first rebalance for 3 s so that more members can join it; one machine
            // has nothing to wait for, and the wait would delay every consumer's start.
            LibRdKafka.MockGroupInitialRebalanceDelayMs(_cluster.DangerousGetHandle(), 0);
            BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafka.MockClusterBootstraps(_cluster.DangerousGetHandle()))
                ?? throw new InvalidOperationException("Embedded Kafka broker: the mock cluster reported no bootstrap servers.");
        }
        catch
        {
            _owner.Dispose();
            throw;
        }
    }

    /// <summary>The <c>bootstrap.servers</c> value for clients, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>
    /// Consumer settings for clients of this broker. A real broker answers a waiting fetch as soon as records arrive;
    /// librdkafka's mock broker holds a fetch that found nothing for the whole <c>fetch.wait.max.ms</c> (500 ms by
    /// default) even when records arrive meanwhile, so a partition that had caught up would see nothing new for half a
    /// second. 50 ms keeps its latency near a real broker's, for a re-fetch per idle partition every 50 ms (shorter
    /// waits keep an idle silo busy).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ConsumerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fetch.wait.max.ms"] = "50",
    };

    /// <summary>The topics created so far and their partition counts.</summary>
    public IReadOnlyDictionary<string, int> Topics
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, int>(_topics, StringComparer.Ordinal);
        }
    }

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions (replication factor 1).</summary>
    /// <exception cref="ArgumentException">The topic name is empty or not a legal Kafka topic name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">The topic exists with another partition count, or librdkafka refused it.</exception>
    /// <exception cref="ObjectDisposedException">The broker was stopped.</exception>
    public void CreateTopic(string topic, int partitions)
    {
        KafkaTopicName.ThrowIfInvalid(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster.IsClosed, this);
            if (_topics.TryGetValue(topic, out var existing))
            {
                if (existing != partitions)
                    throw new InvalidOperationException(
                        $"Embedded Kafka broker: topic '{topic}' already exists with {existing} partition(s), not {partitions}.");
                return;
            }

            var error = LibRdKafka.MockTopicCreate(_cluster.DangerousGetHandle(), topic, partitions, replicationFactor: 1);
            if (error != 0)
                throw new InvalidOperationException(
                    $"Embedded Kafka broker: could not create topic '{topic}' with {partitions} partition(s): {LibRdKafka.DescribeError(error)}");
            _topics.Add(topic, partitions);
        }
    }

    /// <summary>Stops the cluster: its port closes and every message it held is gone. Clients should be closed first.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _cluster.Dispose();
            _owner.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
