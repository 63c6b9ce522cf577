using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>A keyed record producer, such as a Kafka producer that serialises the record as JSON.</summary>
public interface ITopicPublisher
{
    void Publish(string topic, string key, ITopicRecord record);
}
