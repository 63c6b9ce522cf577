using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>
/// Where the engine's events go, in the order they happen: a Kafka producer in the silo
/// (<see cref="TopicPublishingSink"/>), the grains directly in an evaluation, a list in a test. Called synchronously
/// from inside <see cref="CitySimulation.AdvanceTo"/>; it should not block for long and must not throw (an exception
/// escapes the step and leaves the engine unusable).
/// </summary>
public interface ISimulationSink
{
    /// <summary>A GPS ping with status (topic driver_event, key driver_id).</summary>
    void Publish(DriverEvent record);

    /// <summary>A vehicle entering or leaving service at a shift's start or end (topic vehicle_event, key vehicle_id).</summary>
    void Publish(VehicleEvent record);

    /// <summary>A new booking (topic booking_created, key booking_id).</summary>
    void Publish(BookingCreated record);

    /// <summary>A booking assigned to a driver, or the driver's cancellation of it (topic dispatch_job, key driver_id).</summary>
    void Publish(DispatchJob record);

    /// <summary>A completed trip (topic upload_trip, key driver_id).</summary>
    void Publish(UploadTrip record);

    /// <summary>A driver's performance record, at the start and the end of each shift (topic driver_real_performance, key driver_id).</summary>
    void Publish(DriverRealPerformance record);

    /// <summary>A driver's answer to an offer (topic message_reply, key driver_id).</summary>
    void Publish(MessageReply record);
}
