using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Api.Events;
using SupplyGrid.Api.Tests.Support;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ProcessEventTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    private object Ping(string driverId, double lat, double lng, string status = "available", DateTimeOffset? ts = null) => new
    {
        topic = Topics.DriverEvent,
        @event = new
        {
            event_id = ApiHost.NextEventId(),
            ts = ts ?? Host.Now,
            driver_id = driverId,
            vehicle_id = "v-" + driverId,
            lat,
            lng,
            speed_kmh = 12.5,
            status,
        },
    };

    [Fact]
    public async Task A_ping_reaches_the_driver_grain_before_the_answer()
    {
        const string driver = "process-ping";
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Dashboard().ReadAsync($"/api/incentives/{driver}")).Status);

        var (status, body) = await Host.Operator().PostJsonAsync("/api/process-event", Ping(driver, Places.Novena.Lat, Places.Novena.Lng));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Topics.DriverEvent, body.Str("topic"));
        Assert.Equal(driver, body.Str("key"));
        var (after, advice) = await Host.Dashboard().ReadAsync($"/api/shift-advice/{driver}");
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal([Places.Cell(Places.Novena).ToString()], advice.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_booking_is_keyed_by_its_booking_id_and_becomes_demand_in_its_cell()
    {
        var pickup = Places.Cell(Places.Yishun);
        var centre = Places.Centre(pickup);

        var (status, body) = await Host.Operator().PostJsonAsync("/api/process-event", new
        {
            topic = Topics.BookingCreated,
            @event = new
            {
                event_id = ApiHost.NextEventId(),
                ts = Host.Now,
                booking_id = "process-booking-1",
                booking_type = "immediate",
                pickup_lat = centre.Lat,
                pickup_lng = centre.Lng,
                estimated_fare = 18.5m,
                currency = "SGD",
            },
        });
        await Host.AdvanceAsync(TimeSpan.FromSeconds(6));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("process-booking-1", body.Str("key"));
        var snapshot = await Host.Grains.GetGrain<SupplyGrid.Grains.ICellGrain>(pickup.ToString()).GetSnapshot();
        Assert.Equal(1, snapshot.Bookings);
    }

    /// <summary>Stands for the wall clock's time in <see cref="BadEvents"/>: the API checks event times against it, and each row must break one rule only.</summary>
    private const string WallClockNow = "<wall-clock-now>";

    public static TheoryData<string, string> BadEvents => new()
    {
        { """{"event": {}}""", "topic" },
        { """{"topic": "ngp.unknown.topic", "event": {}}""", "topic" },
        { $$$"""{"topic": "{{{Topics.MessageSend}}}", "event": {}}""", "topic" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}"}""", "event" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}", "event": [1, 2]}""", "event" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}", "event": {"event_id": "e", "ts": "{{{WallClockNow}}}", "driver_id": "d", "vehicle_id": "v", "lat": 91, "lng": 103.8, "speed_kmh": 1, "status": "available"}}""", "event.lat" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}", "event": {"event_id": "e", "ts": "{{{WallClockNow}}}", "driver_id": "d", "vehicle_id": "v", "lat": 1.3, "lng": 103.8, "speed_kmh": 1, "status": "flying"}}""", "event.status" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}", "event": {"event_id": "e", "ts": "{{{WallClockNow}}}", "driver_id": "d", "lat": 1.3, "lng": 103.8, "speed_kmh": 1, "status": "available"}}""", "event.vehicle_id" },
        { $$$"""{"topic": "{{{Topics.DriverEvent}}}", "event": {"event_id": "e", "ts": "{{{WallClockNow}}}", "driver_id": "d", "vehicle_id": "v", "lat": 1.3, "lng": 103.8, "status": "available"}}""", "event.speed_kmh" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task An_event_breaking_its_topic_contract_is_400_naming_the_field(string json, string field)
    {
        var (status, body) = await Host.Operator().PostRawAsync("/api/process-event",
            json.Replace(WallClockNow, DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body.ErrorFields());
    }

    [Fact]
    public async Task An_event_from_far_in_the_past_is_refused_and_the_grain_never_sees_it()
    {
        const string driver = "process-stale";

        var (status, body) = await Host.Operator().PostJsonAsync("/api/process-event",
            Ping(driver, Places.Novena.Lat, Places.Novena.Lng, ts: Host.Now.AddDays(-3)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["event.ts"], body.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Dashboard().ReadAsync($"/api/incentives/{driver}")).Status);
    }

    [Fact]
    public async Task A_valid_event_of_a_topic_no_grain_handles_is_422()
    {
        var (status, body) = await Host.Operator().PostJsonAsync("/api/process-event", new
        {
            topic = Topics.VehicleEvent,
            @event = new { event_id = ApiHost.NextEventId(), ts = Host.Now, vehicle_id = "v-9", status = "in_service" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(Topics.VehicleEvent, body.Str("detail"));
    }

    [Fact]
    public void Every_topic_the_grid_consumes_can_be_injected()
    {
        var contracts = Host.Services.GetRequiredService<TopicContracts>();
        var injector = Host.Services.GetRequiredService<EventInjector>();

        var consumed = contracts.All.Where(c => !c.WrittenByGrid).Select(c => c.Topic);

        Assert.Equal(consumed.Order(), injector.Topics.Order());
    }

    [Theory]
    [InlineData("invalid record: lat must be a finite number in [-90, 90] (was 91)", "event.lat", "lat must be a finite number in [-90, 90] (was 91)")]
    [InlineData("invalid JSON: 'x' is not a known driver status. Path: $.status.", "event.status", "invalid JSON: 'x' is not a known driver status.")]
    [InlineData("invalid JSON: the value is null, expected an object", "event", "invalid JSON: the value is null, expected an object")]
    [InlineData("invalid JSON: JSON deserialization for type 'SupplyGrid.Grains.Events.DriverEvent' was missing required properties including: 'speed_kmh'. Path: $.",
        "event.speed_kmh", "speed_kmh is required.")]
    public void Contract_errors_name_the_event_field(string error, string field, string message)
    {
        Assert.Equal(field, ProcessEventEndpoints.FieldOf(error));
        Assert.Equal(message, ProcessEventEndpoints.Readable(error));
    }
}
