using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Writes the drivers' pings to the driver_event topic as the product's JSON, keyed by driver id and partitioned by
/// murmur2 as Java producers do (the provider maps a driver's stream to the partition its key hashes to).
/// </summary>
internal sealed class PingProducer : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly TopicContract<DriverEvent> _contract;
    private readonly SingaporeDrivers _drivers;
    // One delegate for every record, not one per Produce call.
    private readonly Action<DeliveryReport<byte[], byte[]>> _onDelivered;
    private long _acknowledged;
    private long _failed;

    public PingProducer(string bootstrapServers, TopicContract<DriverEvent> contract, SingaporeDrivers drivers)
    {
        _contract = contract;
        _drivers = drivers;
        _onDelivered = OnDelivered;
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();
    }

    /// <summary>Records the broker has acknowledged so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Writes the next <paramref name="count"/> pings and waits until the broker has them all; returns the time it took.</summary>
    /// <exception cref="InvalidOperationException">Some records could not be written.</exception>
    public TimeSpan Produce(long count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0L; i < count; i++)
        {
            var ping = _drivers.NextPing();
            var message = new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes(ping.DriverId),
                Value = JsonSerializer.SerializeToUtf8Bytes(ping, _contract.TypeInfo),
            };
            while (true)
            {
                try
                {
                    _producer.Produce(_contract.Topic, message, _onDelivered);
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    // librdkafka's queue is full: let it send, then try again.
                    _producer.Poll(TimeSpan.FromMilliseconds(100));
                }
            }
        }

        if (_producer.Flush(TimeSpan.FromMinutes(2)) > 0 || Interlocked.Read(ref _failed) > 0)
            throw new InvalidOperationException($"{Interlocked.Read(ref _failed)} pings could not be written to the embedded broker");
        return Stopwatch.GetElapsedTime(started);
    }

    public void Dispose() => _producer.Dispose();

    private void OnDelivered(DeliveryReport<byte[], byte[]> report)
    {
        if (report.Error.IsError)
            Interlocked.Increment(ref _failed);
        else
            Interlocked.Increment(ref _acknowledged);
    }
}
