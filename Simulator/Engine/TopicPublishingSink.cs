using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>Sends each event to its topic with the key the topic is partitioned by (<see cref="Topics"/>).</summary>
public sealed class TopicPublishingSink : ISimulationSink
{
    private readonly ITopicPublisher _publisher;

    public TopicPublishingSink(ITopicPublisher publisher)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
    }

    public void Publish(DriverEvent record) => _publisher.Publish(Topics.DriverEvent, record.DriverId, record);

    public void Publish(VehicleEvent record) => _publisher.Publish(Topics.VehicleEvent, record.VehicleId, record);

    public void Publish(BookingCreated record) => _publisher.Publish(Topics.BookingCreated, record.BookingId, record);

    public void Publish(DispatchJob record) => _publisher.Publish(Topics.DispatchJob, record.DriverId, record);

    public void Publish(UploadTrip record) => _publisher.Publish(Topics.UploadTrip, record.DriverId, record);

    public void Publish(DriverRealPerformance record) => _publisher.Publish(Topics.DriverRealPerformance, record.DriverId, record);

    public void Publish(MessageReply record) => _publisher.Publish(Topics.MessageReply, record.DriverId, record);
}
