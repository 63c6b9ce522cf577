using System.Text;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>Each topic's hand-written JSON reads into the hand-written record and is written back byte for byte.</summary>
public class JsonRoundTripTests
{
    private readonly TopicContracts _contracts = Samples.Contracts();

    [Fact]
    public void Driver_event() => AssertRoundTrip(_contracts.DriverEvent, Samples.DriverEventJson, Samples.DriverEvent);

    [Fact]
    public void Vehicle_event() => AssertRoundTrip(_contracts.VehicleEvent, Samples.VehicleEventJson, Samples.VehicleEvent);

    [Fact]
    public void Booking_created() => AssertRoundTrip(_contracts.BookingCreated, Samples.BookingCreatedJson, Samples.BookingCreated);

    [Fact]
    public void Dispatch_job() => AssertRoundTrip(_contracts.DispatchJob, Samples.DispatchJobJson, Samples.DispatchJob);

    [Fact]
    public void Upload_trip() => AssertRoundTrip(_contracts.UploadTrip, Samples.UploadTripJson, Samples.UploadTrip);

    [Fact]
    public void Driver_real_performance() =>
        AssertRoundTrip(_contracts.DriverRealPerformance, Samples.DriverRealPerformanceJson, Samples.DriverRealPerformance);

    [Fact]
    public void Message_reply() => AssertRoundTrip(_contracts.MessageReply, Samples.MessageReplyJson, Samples.MessageReply);

    [Fact]
    public void Mdt_message() => AssertRoundTrip(_contracts.MessageSend, Samples.MdtMessageJson, Samples.MdtMessage);

    [Fact]
    public void Absent_optional_members_are_not_written()
    {
        var stopped = Samples.DriverEvent with { HeadingDeg = null, VehicleId = null, Status = DriverStatus.Offline };

        string json = Encoding.UTF8.GetString(_contracts.DriverEvent.Serialize(stopped));

        Assert.Equal(
            """{"event_id":"evt-0001","ts":"2026-11-22T10:41:57Z","driver_id":"drv-1042","lat":1.2834,"lng":103.8607,"speed_kmh":32.5,"status":"offline"}""",
            json);
    }

    [Theory]
    [InlineData(DriverStatus.Available, "available")]
    [InlineData(DriverStatus.Busy, "busy")]
    [InlineData(DriverStatus.OnTrip, "on_trip")]
    [InlineData(DriverStatus.Offline, "offline")]
    [InlineData(DriverStatus.Break, "break")]
    public void Every_driver_status_has_its_snake_case_name(DriverStatus status, string wireName)
    {
        var evt = Samples.DriverEvent with { Status = status };
        string json = Encoding.UTF8.GetString(_contracts.DriverEvent.Serialize(evt));

        Assert.Contains($"\"status\":\"{wireName}\"", json);
        Assert.True(_contracts.DriverEvent.TryRead(Encoding.UTF8.GetBytes(json), out var read, out var error), error);
        Assert.Equal(status, read.Status);
    }

    [Fact]
    public void Other_offsets_are_read_as_the_same_instant_and_written_in_utc()
    {
        string json = Samples.DriverEventJson.Replace("\"2026-11-22T10:41:57Z\"", "\"2026-11-22T18:41:57.25+08:00\"");

        var evt = Read(_contracts.DriverEvent, json);

        Assert.Equal(Samples.At(10, 41, 57).AddMilliseconds(250), evt.Ts);
        Assert.Equal(TimeSpan.Zero, evt.Ts.Offset);
        Assert.Contains("\"ts\":\"2026-11-22T10:41:57.25Z\"", Encoding.UTF8.GetString(_contracts.DriverEvent.Serialize(evt)));
    }

    [Fact]
    public void Upload_trip_duration_is_the_time_between_pickup_and_dropoff() =>
        Assert.Equal(TimeSpan.FromSeconds(26 * 60 + 30), Samples.UploadTrip.Duration);

    internal static T Read<T>(TopicContract<T> contract, string json) where T : class, ITopicRecord
    {
        Assert.True(contract.TryRead(Encoding.UTF8.GetBytes(json), out var record, out var error), error);
        return record;
    }

    private static void AssertRoundTrip<T>(TopicContract<T> contract, string json, T expected) where T : class, ITopicRecord
    {
        T read = Read(contract, json);

        Assert.Equal(expected, read);
        Assert.Equal(json, Encoding.UTF8.GetString(contract.Serialize(read)));
    }
}
