using System.Text.Json;
using Confluent.Kafka;
using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Silo.Simulation;

/// <summary>Produces the simulator's events to their topics as the real fleet's systems would: keyed JSON records.</summary>
internal sealed class KafkaTopicPublisher(IProducer<string, byte[]> producer, ILogger logger) : ITopicPublisher
{
    private long _failures;

    public long Failures => Interlocked.Read(ref _failures);

    public void Publish(string topic, string key, ITopicRecord record)
    {
        var value = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), SupplyGridJsonContext.Default);
        producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = value }, report =>
        {
            if (report.Error.IsError && Interlocked.Increment(ref _failures) % 1000 == 1)
                logger.LogWarning("Simulator could not produce to {Topic}: {Reason}", topic, report.Error.Reason);
        });
    }
}
