using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

public class VehicleAndDispatchValidationTests
{
    private static readonly RuleCases<VehicleEvent> VehicleCases = new RuleCases<VehicleEvent>()
        .Valid("the sample", e => e)
        .Broken("event_id too long", "event_id", e => e with { EventId = new string('e', 65) })
        .Broken("ts stale", "ts", e => e with { Ts = Samples.Now.AddDays(-2) })
        .Broken("vehicle_id empty", "vehicle_id", e => e with { VehicleId = "" })
        .Broken("status undefined", "status", e => e with { Status = (VehicleStatus)7 })
        .Valid("driver_id absent", e => e with { DriverId = null })
        .Broken("driver_id empty", "driver_id", e => e with { DriverId = "" })
        .Valid("fault_code absent on a fault", e => e with { FaultCode = null })
        .Broken("fault_code too long", "fault_code", e => e with { FaultCode = new string('F', 65) })
        .Broken("fault_code while in service", "fault_code", e => e with { Status = VehicleStatus.InService })
        .Valid("in service without fault_code", e => e with { Status = VehicleStatus.InService, FaultCode = null })
        .Valid("out of service", e => e with { Status = VehicleStatus.OutOfService, FaultCode = null });

    private static readonly RuleCases<DispatchJob> DispatchCases = new RuleCases<DispatchJob>()
        .Valid("the sample", e => e)
        .Broken("event_id empty", "event_id", e => e with { EventId = "" })
        .Broken("ts ahead", "ts", e => e with { Ts = Samples.Now.AddMinutes(6) })
        .Broken("job_id empty", "job_id", e => e with { JobId = "" })
        .Broken("booking_id empty", "booking_id", e => e with { BookingId = "" })
        .Broken("driver_id empty", "driver_id", e => e with { DriverId = "" })
        .Broken("vehicle_id empty", "vehicle_id", e => e with { VehicleId = "" })
        .Broken("status undefined", "status", e => e with { Status = (DispatchJobStatus)2 })
        .Valid("cancelled", e => e with { Status = DispatchJobStatus.Cancelled })
        .Valid("pickup_lat -90", e => e with { PickupLat = -90 })
        .Broken("pickup_lat below -90", "pickup_lat", e => e with { PickupLat = -90.0001 })
        .Valid("pickup_lng 180", e => e with { PickupLng = 180 })
        .Broken("pickup_lng above 180", "pickup_lng", e => e with { PickupLng = 180.0001 });

    public static TheoryData<string> VehicleCaseNames => VehicleCases.Names;

    public static TheoryData<string> DispatchCaseNames => DispatchCases.Names;

    [Theory]
    [MemberData(nameof(VehicleCaseNames))]
    public void Vehicle_event_rule(string name) => VehicleCases.Check(Samples.VehicleEvent, name);

    [Theory]
    [MemberData(nameof(DispatchCaseNames))]
    public void Dispatch_job_rule(string name) => DispatchCases.Check(Samples.DispatchJob, name);
}
