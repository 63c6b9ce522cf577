using System.Text;
using System.Text.Json.Nodes;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>What the reader refuses (and sends to the dead-letter topic) and what it tolerates.</summary>
public class JsonStrictnessTests
{
    private readonly TopicContracts _contracts = Samples.Contracts();

    public static TheoryData<string, string> RequiredMembers => new()
    {
        { Topics.DriverEvent, "event_id" }, { Topics.DriverEvent, "ts" }, { Topics.DriverEvent, "driver_id" },
        { Topics.DriverEvent, "lat" }, { Topics.DriverEvent, "lng" }, { Topics.DriverEvent, "speed_kmh" },
        { Topics.DriverEvent, "status" },
        { Topics.VehicleEvent, "event_id" }, { Topics.VehicleEvent, "ts" }, { Topics.VehicleEvent, "vehicle_id" },
        { Topics.VehicleEvent, "status" },
        { Topics.BookingCreated, "event_id" }, { Topics.BookingCreated, "ts" }, { Topics.BookingCreated, "booking_id" },
        { Topics.BookingCreated, "booking_type" }, { Topics.BookingCreated, "pickup_lat" }, { Topics.BookingCreated, "pickup_lng" },
        { Topics.BookingCreated, "estimated_fare" }, { Topics.BookingCreated, "currency" },
        { Topics.DispatchJob, "event_id" }, { Topics.DispatchJob, "ts" }, { Topics.DispatchJob, "job_id" },
        { Topics.DispatchJob, "booking_id" }, { Topics.DispatchJob, "driver_id" }, { Topics.DispatchJob, "vehicle_id" },
        { Topics.DispatchJob, "status" }, { Topics.DispatchJob, "pickup_lat" }, { Topics.DispatchJob, "pickup_lng" },
        { Topics.UploadTrip, "event_id" }, { Topics.UploadTrip, "ts" }, { Topics.UploadTrip, "trip_id" },
        { Topics.UploadTrip, "driver_id" }, { Topics.UploadTrip, "vehicle_id" }, { Topics.UploadTrip, "pickup_lat" },
        { Topics.UploadTrip, "pickup_lng" }, { Topics.UploadTrip, "dropoff_lat" }, { Topics.UploadTrip, "dropoff_lng" },
        { Topics.UploadTrip, "started_at" }, { Topics.UploadTrip, "ended_at" }, { Topics.UploadTrip, "distance_km" },
        { Topics.UploadTrip, "fare" }, { Topics.UploadTrip, "driver_earnings" }, { Topics.UploadTrip, "currency" },
        { Topics.DriverRealPerformance, "event_id" }, { Topics.DriverRealPerformance, "ts" },
        { Topics.DriverRealPerformance, "driver_id" }, { Topics.DriverRealPerformance, "acceptance_rate" },
        { Topics.DriverRealPerformance, "cancellation_rate" }, { Topics.DriverRealPerformance, "rating" },
        { Topics.DriverRealPerformance, "online_hours" }, { Topics.DriverRealPerformance, "completed_trips" },
        { Topics.MessageReply, "event_id" }, { Topics.MessageReply, "ts" }, { Topics.MessageReply, "message_id" },
        { Topics.MessageReply, "driver_id" }, { Topics.MessageReply, "decision" },
        { Topics.MessageSend, "message_id" }, { Topics.MessageSend, "driver_id" }, { Topics.MessageSend, "vehicle_id" },
        { Topics.MessageSend, "type" }, { Topics.MessageSend, "text" }, { Topics.MessageSend, "ts" },
        { Topics.MessageSend, "expires_at" },
        { Topics.MessageSend, "payload.reason.supply" }, { Topics.MessageSend, "payload.reason.demand" },
        { Topics.MessageSend, "payload.reason.ratio" },
    };

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void A_missing_required_member_is_rejected_naming_it(string topic, string member)
    {
        string json = Without(SampleJson(topic), member);

        var (ok, error) = TryRead(topic, json);

        Assert.False(ok);
        Assert.StartsWith("invalid JSON: ", error);
        Assert.Contains("missing required properties", error);
        Assert.Contains($"'{member.Split('.')[^1]}'", error);
    }

    public static TheoryData<string, string> OptionalMembers => new()
    {
        { Topics.DriverEvent, "heading_deg" },
        { Topics.VehicleEvent, "driver_id" }, { Topics.VehicleEvent, "fault_code" },
        { Topics.UploadTrip, "booking_id" },
        { Topics.MessageReply, "reason" },
        { Topics.MessageSend, "offer_id" }, { Topics.MessageSend, "payload.place_name" },
        { Topics.MessageSend, "payload.reason" }, { Topics.MessageSend, "payload.reason.distance_km" },
        { Topics.MessageSend, "payload.reason.travel_minutes" },
    };

    [Theory]
    [MemberData(nameof(OptionalMembers))]
    public void An_optional_member_may_be_left_out(string topic, string member)
    {
        var (ok, error) = TryRead(topic, Without(SampleJson(topic), member));

        Assert.True(ok, error);
    }

    [Fact]
    public void A_booking_may_leave_out_its_dropoff()
    {
        string json = Without(Without(Samples.BookingCreatedJson, "dropoff_lat"), "dropoff_lng");

        var booking = JsonRoundTripTests.Read(_contracts.BookingCreated, json);

        Assert.Null(booking.DropoffLat);
        Assert.Null(booking.DropoffLng);
    }

    [Theory]
    [InlineData(Topics.DriverEvent)]
    [InlineData(Topics.VehicleEvent)]
    [InlineData(Topics.BookingCreated)]
    [InlineData(Topics.DispatchJob)]
    [InlineData(Topics.UploadTrip)]
    [InlineData(Topics.DriverRealPerformance)]
    [InlineData(Topics.MessageReply)]
    [InlineData(Topics.MessageSend)]
    public void Unknown_members_are_ignored(string topic)
    {
        var node = JsonNode.Parse(SampleJson(topic))!.AsObject();
        node["schema_version"] = 3;
        node["surge_hint"] = new JsonObject { ["multiplier"] = 1.4, ["cells"] = new JsonArray("886520db39fffff") };

        var (ok, error) = TryRead(topic, node.ToJsonString());

        Assert.True(ok, error);
    }

    [Fact]
    public void The_record_read_with_unknown_members_equals_the_record_without_them()
    {
        var node = JsonNode.Parse(Samples.DriverEventJson)!.AsObject();
        node["battery_pct"] = 71;

        Assert.Equal(Samples.DriverEvent, JsonRoundTripTests.Read(_contracts.DriverEvent, node.ToJsonString()));
    }

    public static TheoryData<string, string, string, string> UnknownEnumValues => new()
    {
        { Topics.DriverEvent, "status", "\"flying\"", "'flying' is not a known driver status; expected one of: available, busy, on_trip, offline, break." },
        { Topics.DriverEvent, "status", "\"ON_TRIP\"", "'ON_TRIP' is not a known driver status; expected one of: available, busy, on_trip, offline, break." },
        { Topics.DriverEvent, "status", "\"OnTrip\"", "'OnTrip' is not a known driver status" },
        { Topics.DriverEvent, "status", "\"on-trip\"", "'on-trip' is not a known driver status" },
        { Topics.DriverEvent, "status", "2", "the number 2 is not a known driver status" },
        { Topics.DriverEvent, "status", "null", "null is not a known driver status" },
        { Topics.DriverEvent, "status", "\"\"", "'' is not a known driver status" },
        { Topics.VehicleEvent, "status", "\"broken\"", "'broken' is not a known vehicle status; expected one of: in_service, out_of_service, fault." },
        { Topics.BookingCreated, "booking_type", "\"scheduled\"", "'scheduled' is not a known booking type; expected one of: immediate, advance." },
        { Topics.DispatchJob, "status", "\"completed\"", "'completed' is not a known dispatch job status; expected one of: assigned, cancelled." },
        { Topics.MessageReply, "decision", "\"maybe\"", "'maybe' is not a known reply decision; expected one of: accept, decline." },
        { Topics.MessageSend, "type", "\"advert\"", "'advert' is not a known mdt message type; expected one of: reposition_offer, incentive_offer, offer_confirmed, offer_expired, incentive_paid, broadcast." },
    };

    [Theory]
    [MemberData(nameof(UnknownEnumValues))]
    public void An_unknown_enum_value_is_rejected_with_the_known_ones(string topic, string member, string value, string expected)
    {
        var node = JsonNode.Parse(SampleJson(topic))!.AsObject();
        node[member] = JsonNode.Parse(value);

        var (ok, error) = TryRead(topic, node.ToJsonString());

        Assert.False(ok);
        Assert.StartsWith("invalid JSON: " + expected, error);
        Assert.EndsWith($"Path: $.{member}.", error);
    }

    [Fact]
    public void A_long_unknown_value_is_shortened_in_the_reason()
    {
        string json = Samples.DriverEventJson.Replace("\"available\"", $"\"{new string('x', 5000)}\"");

        var (ok, error) = TryRead(Topics.DriverEvent, json);

        Assert.False(ok);
        Assert.StartsWith($"invalid JSON: '{new string('x', 40)}...' is not a known driver status", error);
    }

    public static TheoryData<string, string, string> MalformedValues => new()
    {
        { "null in a required string", "\"driver_id\":\"drv-1042\"", "\"driver_id\":null" },
        { "null in a required number", "\"lat\":1.2834", "\"lat\":null" },
        { "a number as a string", "\"lat\":1.2834", "\"lat\":\"1.2834\"" },
        { "a string id as a number", "\"driver_id\":\"drv-1042\"", "\"driver_id\":1042" },
        { "a time without offset", "\"ts\":\"2026-11-22T10:41:57Z\"", "\"ts\":\"2026-11-22T10:41:57\"" },
        { "a date without time", "\"ts\":\"2026-11-22T10:41:57Z\"", "\"ts\":\"2026-11-22\"" },
        { "a time as epoch number", "\"ts\":\"2026-11-22T10:41:57Z\"", "\"ts\":1795430517" },
        { "a time that is not one", "\"ts\":\"2026-11-22T10:41:57Z\"", "\"ts\":\"2026-11-22T25:00:00Z\"" },
        { "a repeated member", "\"lat\":1.2834", "\"lat\":1.2834,\"lat\":48.85" },
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void A_malformed_value_is_rejected_naming_its_path(string what, string original, string replacement)
    {
        string json = Samples.DriverEventJson.Replace(original, replacement);
        Assert.NotEqual(Samples.DriverEventJson, json);
        string member = original.Split('"')[1];

        var (ok, error) = TryRead(Topics.DriverEvent, json);

        Assert.False(ok, what);
        Assert.StartsWith("invalid JSON: ", error);
        Assert.Contains($"$.{member}", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"driver\"")]
    [InlineData("{\"event_id\":\"evt-1\"")]
    [InlineData("{} {}")]
    public void A_value_that_is_not_one_json_object_is_rejected(string json)
    {
        var (ok, error) = TryRead(Topics.DriverEvent, json);

        Assert.False(ok);
        Assert.StartsWith("invalid JSON: ", error);
    }

    [Fact]
    public void A_number_beyond_double_range_parses_as_infinity_and_fails_validation()
    {
        var (ok, error) = TryRead(Topics.DriverEvent, Samples.DriverEventJson.Replace("\"lat\":1.2834", "\"lat\":1e400"));

        Assert.False(ok);
        Assert.Equal("invalid record: lat must be a finite number in [-90, 90] (was Infinity)", error);
    }

    internal static string SampleJson(string topic) => topic switch
    {
        Topics.DriverEvent => Samples.DriverEventJson,
        Topics.VehicleEvent => Samples.VehicleEventJson,
        Topics.BookingCreated => Samples.BookingCreatedJson,
        Topics.DispatchJob => Samples.DispatchJobJson,
        Topics.UploadTrip => Samples.UploadTripJson,
        Topics.DriverRealPerformance => Samples.DriverRealPerformanceJson,
        Topics.MessageReply => Samples.MessageReplyJson,
        Topics.MessageSend => Samples.MdtMessageJson,
        _ => throw new ArgumentException($"No sample for {topic}.", nameof(topic)),
    };

    /// <summary>The JSON with one member removed; a dotted path reaches into nested objects.</summary>
    private static string Without(string json, string path)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        string[] steps = path.Split('.');
        var parent = steps[..^1].Aggregate(root, (node, step) => node[step]!.AsObject());
        Assert.True(parent.Remove(steps[^1]), $"the sample has no {path}");
        return root.ToJsonString();
    }

    private (bool Ok, string? Error) TryRead(string topic, string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        string? error;
        bool ok = topic switch
        {
            Topics.DriverEvent => _contracts.DriverEvent.TryRead(bytes, out _, out error),
            Topics.VehicleEvent => _contracts.VehicleEvent.TryRead(bytes, out _, out error),
            Topics.BookingCreated => _contracts.BookingCreated.TryRead(bytes, out _, out error),
            Topics.DispatchJob => _contracts.DispatchJob.TryRead(bytes, out _, out error),
            Topics.UploadTrip => _contracts.UploadTrip.TryRead(bytes, out _, out error),
            Topics.DriverRealPerformance => _contracts.DriverRealPerformance.TryRead(bytes, out _, out error),
            Topics.MessageReply => _contracts.MessageReply.TryRead(bytes, out _, out error),
            Topics.MessageSend => _contracts.MessageSend.TryRead(bytes, out _, out error),
            _ => throw new ArgumentException($"No contract for {topic}.", nameof(topic)),
        };
        return (ok, error);
    }
}
