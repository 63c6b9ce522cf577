using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>The driver_event rules, and the rules every record shares (ids, event time) in full detail.</summary>
public class DriverEventValidationTests
{
    private const long Tick = 1;

    private static readonly RuleCases<DriverEvent> Cases = new RuleCases<DriverEvent>()
        .Valid("the sample", e => e)
        .Broken("event_id empty", "event_id", e => e with { EventId = "" })
        .Valid("driver_id of 64 characters", e => e with { DriverId = new string('d', 64) })
        .Broken("driver_id of 65 characters", "driver_id", e => e with { DriverId = new string('d', 65) })
        .Broken("driver_id empty", "driver_id", e => e with { DriverId = "" })
        .Broken("driver_id blank", "driver_id", e => e with { DriverId = "   " })
        .Broken("driver_id null", "driver_id", e => e with { DriverId = null! })
        .Broken("driver_id with a line break", "driver_id", e => e with { DriverId = "drv\n1042" })
        .Broken("driver_id with a C1 control character", "driver_id", e => e with { DriverId = "drv\u00851042" })
        .Valid("driver_id with non-ASCII letters", e => e with { DriverId = "司机-1042" })
        .Broken("vehicle_id empty", "vehicle_id", e => e with { VehicleId = "" })
        .Valid("ts exactly 24 h old", e => e with { Ts = Samples.Now.AddHours(-24) })
        .Broken("ts 24 h and a tick old", "ts", e => e with { Ts = Samples.Now.AddHours(-24).AddTicks(-Tick) })
        .Valid("ts exactly 5 min ahead", e => e with { Ts = Samples.Now.AddMinutes(5) })
        .Broken("ts 5 min and a tick ahead", "ts", e => e with { Ts = Samples.Now.AddMinutes(5).AddTicks(Tick) })
        .Broken("ts default", "ts", e => e with { Ts = default })
        .Valid("lat 90", e => e with { Lat = 90 })
        .Broken("lat just above 90", "lat", e => e with { Lat = 90.000001 })
        .Valid("lat -90", e => e with { Lat = -90 })
        .Broken("lat just below -90", "lat", e => e with { Lat = -90.000001 })
        .Broken("lat NaN", "lat", e => e with { Lat = double.NaN })
        .Broken("lat infinite", "lat", e => e with { Lat = double.PositiveInfinity })
        .Valid("lng 180", e => e with { Lng = 180 })
        .Broken("lng just above 180", "lng", e => e with { Lng = 180.000001 })
        .Valid("lng -180", e => e with { Lng = -180 })
        .Broken("lng just below -180", "lng", e => e with { Lng = -180.000001 })
        .Broken("lng NaN", "lng", e => e with { Lng = double.NaN })
        .Valid("speed 0", e => e with { SpeedKmh = 0 })
        .Broken("speed negative", "speed_kmh", e => e with { SpeedKmh = -0.001 })
        .Broken("speed infinite", "speed_kmh", e => e with { SpeedKmh = double.PositiveInfinity })
        .Broken("speed NaN", "speed_kmh", e => e with { SpeedKmh = double.NaN })
        .Valid("heading absent", e => e with { HeadingDeg = null })
        .Valid("heading 0", e => e with { HeadingDeg = 0 })
        .Valid("heading just below 360", e => e with { HeadingDeg = 359.999 })
        .Broken("heading 360", "heading_deg", e => e with { HeadingDeg = 360 })
        .Broken("heading negative", "heading_deg", e => e with { HeadingDeg = -0.001 })
        .Broken("heading NaN", "heading_deg", e => e with { HeadingDeg = double.NaN })
        .Broken("status undefined", "status", e => e with { Status = (DriverStatus)42 })
        .Valid("no vehicle while offline", e => e with { VehicleId = null, Status = DriverStatus.Offline })
        .Valid("no vehicle on a break", e => e with { VehicleId = null, Status = DriverStatus.Break })
        .Broken("no vehicle while available", "vehicle_id", e => e with { VehicleId = null, Status = DriverStatus.Available })
        .Broken("no vehicle while busy", "vehicle_id", e => e with { VehicleId = null, Status = DriverStatus.Busy })
        .Broken("no vehicle on a trip", "vehicle_id", e => e with { VehicleId = null, Status = DriverStatus.OnTrip });

    public static TheoryData<string> CaseNames => Cases.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule(string name) => Cases.Check(Samples.DriverEvent, name);

    [Fact]
    public void Messages_name_the_field_the_bound_and_the_value()
    {
        Assert.Equal("lat must be a finite number in [-90, 90] (was 90.5)",
            Validate(Samples.DriverEvent with { Lat = 90.5 }));
        Assert.Equal("driver_id must be at most 64 characters (was 65)",
            Validate(Samples.DriverEvent with { DriverId = new string('d', 65) }));
        Assert.Equal("ts 2026-11-21T10:41:59.9Z is more than 24 h before now (2026-11-22T10:42:00Z)",
            Validate(Samples.DriverEvent with { Ts = Samples.Now.AddHours(-24).AddMilliseconds(-100) }));
        Assert.Equal("ts 2026-11-22T10:48:00Z is more than 5 min after now (2026-11-22T10:42:00Z)",
            Validate(Samples.DriverEvent with { Ts = Samples.At(10, 48) }));
        Assert.Equal("vehicle_id is required while status is on_trip",
            Validate(Samples.DriverEvent with { VehicleId = null, Status = DriverStatus.OnTrip }));
    }

    [Fact]
    public void The_time_window_follows_the_options()
    {
        var strict = new EventValidationOptions { MaxEventAge = TimeSpan.FromMinutes(10), MaxClockSkew = TimeSpan.Zero };
        var evt = Samples.DriverEvent;

        Assert.Null((evt with { Ts = Samples.Now.AddMinutes(-10) }).Validate(Samples.Now, strict));
        Assert.StartsWith("ts ", (evt with { Ts = Samples.Now.AddMinutes(-11) }).Validate(Samples.Now, strict));
        Assert.Null((evt with { Ts = Samples.Now }).Validate(Samples.Now, strict));
        Assert.StartsWith("ts ", (evt with { Ts = Samples.Now.AddTicks(1) }).Validate(Samples.Now, strict));
    }

    private static string? Validate(DriverEvent evt) => evt.Validate(Samples.Now, Samples.Options);
}
