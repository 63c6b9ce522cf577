using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>
/// One valid record per topic as hand-written JSON (members in declaration order, as the serializer writes them),
/// and the same record as hand-written C#.
/// </summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = At(10, 42);

    public static readonly EventValidationOptions Options = new();

    public const string DriverEventJson =
        """{"event_id":"evt-0001","ts":"2026-11-22T10:41:57Z","driver_id":"drv-1042","vehicle_id":"SHA1234X","lat":1.2834,"lng":103.8607,"speed_kmh":32.5,"heading_deg":87,"status":"available"}""";

    public const string VehicleEventJson =
        """{"event_id":"evt-0002","ts":"2026-11-22T10:30:00Z","vehicle_id":"SHA1234X","status":"fault","driver_id":"drv-1042","fault_code":"ENG-042"}""";

    public const string BookingCreatedJson =
        """{"event_id":"evt-0003","ts":"2026-11-22T10:41:00Z","booking_id":"bkg-77001","booking_type":"immediate","pickup_lat":1.3006,"pickup_lng":103.8559,"dropoff_lat":1.3644,"dropoff_lng":103.9915,"estimated_fare":24.50,"currency":"SGD"}""";

    public const string DispatchJobJson =
        """{"event_id":"evt-0004","ts":"2026-11-22T10:41:30Z","job_id":"job-55012","booking_id":"bkg-77001","driver_id":"drv-1042","vehicle_id":"SHA1234X","status":"assigned","pickup_lat":1.3006,"pickup_lng":103.8559}""";

    public const string UploadTripJson =
        """{"event_id":"evt-0005","ts":"2026-11-22T10:40:00Z","trip_id":"trp-90001","booking_id":"bkg-76950","driver_id":"drv-1042","vehicle_id":"SHA1234X","pickup_lat":1.3521,"pickup_lng":103.8198,"dropoff_lat":1.2834,"dropoff_lng":103.8607,"started_at":"2026-11-22T10:12:00Z","ended_at":"2026-11-22T10:38:30Z","distance_km":11.8,"fare":21.40,"driver_earnings":17.12,"currency":"SGD"}""";

    public const string DriverRealPerformanceJson =
        """{"event_id":"evt-0006","ts":"2026-11-22T06:00:00Z","driver_id":"drv-1042","acceptance_rate":0.82,"cancellation_rate":0.03,"rating":4.87,"online_hours":9.5,"completed_trips":214}""";

    public const string MessageReplyJson =
        """{"event_id":"evt-0007","ts":"2026-11-22T10:42:00Z","message_id":"msg-offer-3f2a-1","driver_id":"drv-1042","decision":"decline","reason":"too_far"}""";

    // The writer escapes '+' (an HTML-sensitive character) as \u002B; any JSON reader decodes it.
    public const string MdtMessageJson =
        """{"message_id":"msg-offer-3f2a-1","offer_id":"offer-3f2a","driver_id":"drv-1042","vehicle_id":"SHA1234X","type":"reposition_offer","text":"REPOSITION: Marina Bay\n\u002BSGD 15.00, 6 min\nreply by 18:45","payload":{"target_cell":"886520db39fffff","place_name":"Marina Bay","centre_lat":1.28037,"centre_lng":103.86311,"amount":15.00,"currency":"SGD","deadline":"2026-11-22T10:45:00Z","reason":{"supply":1.4,"demand":6.2,"ratio":0.23,"distance_km":2.1,"travel_minutes":6}},"ts":"2026-11-22T10:42:00Z","expires_at":"2026-11-22T10:57:00Z"}""";

    public static readonly DriverEvent DriverEvent = new()
    {
        EventId = "evt-0001",
        Ts = At(10, 41, 57),
        DriverId = "drv-1042",
        VehicleId = "SHA1234X",
        Lat = 1.2834,
        Lng = 103.8607,
        SpeedKmh = 32.5,
        HeadingDeg = 87,
        Status = DriverStatus.Available,
    };

    public static readonly VehicleEvent VehicleEvent = new()
    {
        EventId = "evt-0002",
        Ts = At(10, 30),
        VehicleId = "SHA1234X",
        Status = VehicleStatus.Fault,
        DriverId = "drv-1042",
        FaultCode = "ENG-042",
    };

    public static readonly BookingCreated BookingCreated = new()
    {
        EventId = "evt-0003",
        Ts = At(10, 41),
        BookingId = "bkg-77001",
        BookingType = BookingType.Immediate,
        PickupLat = 1.3006,
        PickupLng = 103.8559,
        DropoffLat = 1.3644,
        DropoffLng = 103.9915,
        EstimatedFare = 24.50m,
        Currency = "SGD",
    };

    public static readonly DispatchJob DispatchJob = new()
    {
        EventId = "evt-0004",
        Ts = At(10, 41, 30),
        JobId = "job-55012",
        BookingId = "bkg-77001",
        DriverId = "drv-1042",
        VehicleId = "SHA1234X",
        Status = DispatchJobStatus.Assigned,
        PickupLat = 1.3006,
        PickupLng = 103.8559,
    };

    public static readonly UploadTrip UploadTrip = new()
    {
        EventId = "evt-0005",
        Ts = At(10, 40),
        TripId = "trp-90001",
        BookingId = "bkg-76950",
        DriverId = "drv-1042",
        VehicleId = "SHA1234X",
        PickupLat = 1.3521,
        PickupLng = 103.8198,
        DropoffLat = 1.2834,
        DropoffLng = 103.8607,
        StartedAt = At(10, 12),
        EndedAt = At(10, 38, 30),
        DistanceKm = 11.8,
        Fare = 21.40m,
        DriverEarnings = 17.12m,
        Currency = "SGD",
    };

    public static readonly DriverRealPerformance DriverRealPerformance = new()
    {
        EventId = "evt-0006",
        Ts = At(6, 0),
        DriverId = "drv-1042",
        AcceptanceRate = 0.82,
        CancellationRate = 0.03,
        Rating = 4.87,
        OnlineHours = 9.5,
        CompletedTrips = 214,
    };

    public static readonly MessageReply MessageReply = new()
    {
        EventId = "evt-0007",
        Ts = At(10, 42),
        MessageId = "msg-offer-3f2a-1",
        DriverId = "drv-1042",
        Decision = ReplyDecision.Decline,
        Reason = "too_far",
    };

    public static readonly MdtMessage MdtMessage = new()
    {
        MessageId = "msg-offer-3f2a-1",
        OfferId = "offer-3f2a",
        DriverId = "drv-1042",
        VehicleId = "SHA1234X",
        Type = MdtMessageType.RepositionOffer,
        Text = "REPOSITION: Marina Bay\n+SGD 15.00, 6 min\nreply by 18:45",
        Payload = new MdtPayload
        {
            TargetCell = "886520db39fffff", // h3-js 4.5.0: latLngToCell(1.2834, 103.8607, 8)
            PlaceName = "Marina Bay",
            CentreLat = 1.28037,
            CentreLng = 103.86311,
            Amount = 15.00m,
            Currency = "SGD",
            Deadline = At(10, 45),
            Reason = new MdtReasonFigures { Supply = 1.4, Demand = 6.2, Ratio = 0.23, DistanceKm = 2.1, TravelMinutes = 6 },
        },
        Ts = At(10, 42),
        ExpiresAt = At(10, 57),
    };

    /// <summary>A time on the samples' day, 2026-11-22, in UTC.</summary>
    public static DateTimeOffset At(int hour, int minute, int second = 0) => new(2026, 11, 22, hour, minute, second, TimeSpan.Zero);

    public static TopicContracts Contracts(TimeProvider? clock = null, EventValidationOptions? options = null) =>
        new(clock ?? new FixedClock(Now), options ?? Options);
}
