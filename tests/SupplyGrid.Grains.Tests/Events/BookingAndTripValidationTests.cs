using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

public class BookingAndTripValidationTests
{
    private static readonly RuleCases<BookingCreated> BookingCases = new RuleCases<BookingCreated>()
        .Valid("the sample", b => b)
        .Broken("event_id empty", "event_id", b => b with { EventId = "" })
        .Broken("ts stale", "ts", b => b with { Ts = Samples.Now.AddHours(-25) })
        .Broken("booking_id empty", "booking_id", b => b with { BookingId = "" })
        .Broken("booking_type undefined", "booking_type", b => b with { BookingType = (BookingType)9 })
        .Valid("advance booking", b => b with { BookingType = BookingType.Advance })
        .Valid("pickup_lat 90", b => b with { PickupLat = 90 })
        .Broken("pickup_lat above 90", "pickup_lat", b => b with { PickupLat = 90.0001 })
        .Valid("pickup_lng -180", b => b with { PickupLng = -180 })
        .Broken("pickup_lng below -180", "pickup_lng", b => b with { PickupLng = -180.0001 })
        .Valid("no dropoff", b => b with { DropoffLat = null, DropoffLng = null })
        .Broken("dropoff_lat without dropoff_lng", "dropoff_lng", b => b with { DropoffLng = null })
        .Broken("dropoff_lng without dropoff_lat", "dropoff_lat", b => b with { DropoffLat = null })
        .Valid("dropoff_lat -90", b => b with { DropoffLat = -90 })
        .Broken("dropoff_lat below -90", "dropoff_lat", b => b with { DropoffLat = -90.0001 })
        .Broken("dropoff_lng NaN", "dropoff_lng", b => b with { DropoffLng = double.NaN })
        .Valid("estimated_fare 0", b => b with { EstimatedFare = 0m })
        .Broken("estimated_fare negative", "estimated_fare", b => b with { EstimatedFare = -0.01m })
        .Broken("currency lowercase", "currency", b => b with { Currency = "sgd" })
        .Broken("currency of two letters", "currency", b => b with { Currency = "SG" })
        .Broken("currency of four letters", "currency", b => b with { Currency = "SGDX" })
        .Broken("currency with a digit", "currency", b => b with { Currency = "SG1" })
        .Broken("currency null", "currency", b => b with { Currency = null! });

    private static readonly RuleCases<UploadTrip> TripCases = new RuleCases<UploadTrip>()
        .Valid("the sample", t => t)
        .Broken("event_id empty", "event_id", t => t with { EventId = "" })
        .Broken("ts ahead", "ts", t => t with { Ts = Samples.Now.AddMinutes(10) })
        .Broken("trip_id empty", "trip_id", t => t with { TripId = "" })
        .Valid("booking_id absent (street hail)", t => t with { BookingId = null })
        .Broken("booking_id empty", "booking_id", t => t with { BookingId = "" })
        .Broken("driver_id empty", "driver_id", t => t with { DriverId = "" })
        .Broken("vehicle_id empty", "vehicle_id", t => t with { VehicleId = "" })
        .Broken("pickup_lat above 90", "pickup_lat", t => t with { PickupLat = 90.5 })
        .Broken("pickup_lng below -180", "pickup_lng", t => t with { PickupLng = -180.5 })
        .Valid("dropoff_lat 90", t => t with { DropoffLat = 90 })
        .Broken("dropoff_lat above 90", "dropoff_lat", t => t with { DropoffLat = 90.0001 })
        .Valid("dropoff_lng 180", t => t with { DropoffLng = 180 })
        .Broken("dropoff_lng above 180", "dropoff_lng", t => t with { DropoffLng = 180.0001 })
        .Broken("ended_at equal to started_at", "ended_at", t => t with { EndedAt = t.StartedAt })
        .Broken("ended_at before started_at", "ended_at", t => t with { EndedAt = t.StartedAt.AddMinutes(-1) })
        .Valid("ended_at a tick after started_at", t => t with { EndedAt = t.StartedAt.AddTicks(1) })
        .Valid("a 12 h trip", t => t with { StartedAt = t.EndedAt.AddHours(-12) })
        .Broken("a trip a tick longer than 12 h", "ended_at", t => t with { StartedAt = t.EndedAt.AddHours(-12).AddTicks(-1) })
        .Valid("ended_at 5 min after the upload", t => t with { EndedAt = t.Ts.AddMinutes(5) })
        .Broken("ended_at more than 5 min after the upload", "ended_at", t => t with { EndedAt = t.Ts.AddMinutes(5).AddTicks(1) })
        .Valid("distance 0", t => t with { DistanceKm = 0 })
        .Broken("distance negative", "distance_km", t => t with { DistanceKm = -0.01 })
        .Broken("distance infinite", "distance_km", t => t with { DistanceKm = double.PositiveInfinity })
        .Valid("fare 0", t => t with { Fare = 0m, DriverEarnings = 0m })
        .Broken("fare negative", "fare", t => t with { Fare = -0.01m })
        .Broken("driver_earnings negative", "driver_earnings", t => t with { DriverEarnings = -0.01m })
        .Broken("currency lowercase", "currency", t => t with { Currency = "sgd" });

    public static TheoryData<string> BookingCaseNames => BookingCases.Names;

    public static TheoryData<string> TripCaseNames => TripCases.Names;

    [Theory]
    [MemberData(nameof(BookingCaseNames))]
    public void Booking_created_rule(string name) => BookingCases.Check(Samples.BookingCreated, name);

    [Theory]
    [MemberData(nameof(TripCaseNames))]
    public void Upload_trip_rule(string name) => TripCases.Check(Samples.UploadTrip, name);

    [Fact]
    public void Trip_messages_show_the_times_and_spans()
    {
        var trip = Samples.UploadTrip;

        Assert.Equal("ended_at 2026-11-22T10:12:00Z must be after started_at 2026-11-22T10:12:00Z",
            (trip with { EndedAt = trip.StartedAt }).Validate(Samples.Now, Samples.Options));
        Assert.Equal("ended_at is 13 h after started_at, more than the longest trip (12 h)",
            (trip with { StartedAt = trip.EndedAt.AddHours(-13) }).Validate(Samples.Now, Samples.Options));
        Assert.Equal("ended_at 2026-11-22T10:46:00Z is more than 5 min after the upload time ts 2026-11-22T10:40:00Z",
            (trip with { EndedAt = Samples.At(10, 46) }).Validate(Samples.Now, Samples.Options));
    }
}
