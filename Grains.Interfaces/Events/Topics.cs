using System.Collections.Frozen;

namespace SupplyGrid.Grains.Events;

/// <summary>Names and default partition counts of every Kafka topic the grid reads or writes.</summary>
public static class Topics
{
    public const string DriverEvent = "ngp.me.vehiclecomm.driver_event";
    public const string VehicleEvent = "ngp.me.vehiclecomm.vehicle_event";
    public const string BookingCreated = "ngp.me.bookingservice.booking_created";
    public const string DispatchJob = "ngp.me.jobdispatch.dispatch_job";
    public const string UploadTrip = "ngp.me.trip.upload_trip";
    public const string DriverRealPerformance = "ngp.pdcp.pfb.driver_real_performance";
    public const string MessageReply = "ngp.dcp.drivercomms.message_reply";
    public const string MessageSend = "ngp.dcp.drivercomms.message_send";
    public const string DeadLetter = "supplygrid.dead-letter";

    /// <summary>
    /// Every topic keyed by driver_id has the same count so that one driver's records from all of them land in the
    /// same partition number: a silo that owns partition p then owns every input of the drivers hashed to p.
    /// </summary>
    public const int DriverKeyedPartitions = 8;

    /// <summary>
    /// Partition counts used when the grid creates its topics (the embedded broker, test clusters). A real cluster's
    /// own counts win; only the driver-keyed topics must agree with one another.
    /// </summary>
    public static FrozenDictionary<string, int> DefaultPartitions { get; } = new Dictionary<string, int>
    {
        [DriverEvent] = DriverKeyedPartitions,
        [DispatchJob] = DriverKeyedPartitions,
        [UploadTrip] = DriverKeyedPartitions,
        [DriverRealPerformance] = DriverKeyedPartitions,
        [MessageReply] = DriverKeyedPartitions,
        [MessageSend] = DriverKeyedPartitions,
        // Vehicle status changes a few times a shift; bookings are about 8K/hour per city.
        [VehicleEvent] = 4,
        [BookingCreated] = 8,
        // One partition keeps dead letters in the order they failed; the volume is small by design.
        [DeadLetter] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
