using System.Text;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Tests.Events;

public class TopicContractsTests
{
    [Fact]
    public void Every_typed_topic_has_its_record_type_key_and_partitions()
    {
        var contracts = Samples.Contracts();

        var rows = contracts.All.Select(c => (c.Topic, c.RecordType, c.KeyField, c.DefaultPartitions, c.WrittenByGrid));

        Assert.Equal(
        [
            ("ngp.me.vehiclecomm.driver_event", typeof(DriverEvent), "driver_id", 8, false),
            ("ngp.me.vehiclecomm.vehicle_event", typeof(VehicleEvent), "vehicle_id", 4, false),
            ("ngp.me.bookingservice.booking_created", typeof(BookingCreated), "booking_id", 8, false),
            ("ngp.me.jobdispatch.dispatch_job", typeof(DispatchJob), "driver_id", 8, false),
            ("ngp.me.trip.upload_trip", typeof(UploadTrip), "driver_id", 8, false),
            ("ngp.pdcp.pfb.driver_real_performance", typeof(DriverRealPerformance), "driver_id", 8, false),
            ("ngp.dcp.drivercomms.message_reply", typeof(MessageReply), "driver_id", 8, false),
            ("ngp.dcp.drivercomms.message_send", typeof(MdtMessage), "driver_id", 8, true),
        ], rows);
    }

    [Fact]
    public void The_partition_table_covers_every_topic_and_the_dead_letters()
    {
        Assert.Equal(9, Topics.DefaultPartitions.Count);
        Assert.Equal(1, Topics.DefaultPartitions["supplygrid.dead-letter"]);
        Assert.Equal("supplygrid.dead-letter", Topics.DeadLetter);
    }

    [Fact]
    public void Driver_keyed_topics_share_one_partition_count()
    {
        var contracts = Samples.Contracts();

        var counts = contracts.All.Where(c => c.KeyField == "driver_id").Select(c => c.DefaultPartitions).Distinct();

        Assert.Equal([8], counts);
    }

    [Fact]
    public void Key_of_reads_the_key_field()
    {
        var contracts = Samples.Contracts();

        Assert.Equal("drv-1042", contracts.DriverEvent.KeyOf(Samples.DriverEvent));
        Assert.Equal("SHA1234X", contracts.VehicleEvent.KeyOf(Samples.VehicleEvent));
        Assert.Equal("bkg-77001", contracts.BookingCreated.KeyOf(Samples.BookingCreated));
        Assert.Equal("drv-1042", contracts.DispatchJob.KeyOf(Samples.DispatchJob with { BookingId = "bkg-1" }));
        Assert.Equal("drv-7", contracts.UploadTrip.KeyOf(Samples.UploadTrip with { DriverId = "drv-7" }));
        Assert.Equal("drv-8", contracts.DriverRealPerformance.KeyOf(Samples.DriverRealPerformance with { DriverId = "drv-8" }));
        Assert.Equal("drv-9", contracts.MessageReply.KeyOf(Samples.MessageReply with { DriverId = "drv-9" }));
        Assert.Equal("drv-10", contracts.MessageSend.KeyOf(Samples.MdtMessage with { DriverId = "drv-10" }));
    }

    [Fact]
    public void Get_finds_a_contract_by_topic_and_names_the_known_ones_otherwise()
    {
        var contracts = Samples.Contracts();

        Assert.Same(contracts.UploadTrip, contracts.Get("ngp.me.trip.upload_trip"));
        var error = Assert.Throws<ArgumentException>(() => contracts.Get("ngp.me.trip.upload_trips"));
        Assert.Equal("topic", error.ParamName);
        Assert.Contains("ngp.me.trip.upload_trip,", error.Message);
        Assert.Throws<ArgumentException>(() => contracts.Get(Topics.DeadLetter));
    }

    [Fact]
    public void The_validator_reads_the_clock_at_each_call()
    {
        var clock = new FixedClock(Samples.Now);
        var contracts = Samples.Contracts(clock);
        var validate = contracts.DriverEvent.Validate;

        Assert.Null(validate(Samples.DriverEvent));
        clock.Now = Samples.DriverEvent.Ts.AddHours(24).AddSeconds(1);
        Assert.StartsWith("ts 2026-11-22T10:41:57Z is more than 24 h before now", validate(Samples.DriverEvent));
        clock.Now = Samples.DriverEvent.Ts.AddMinutes(-6);
        Assert.StartsWith("ts 2026-11-22T10:41:57Z is more than 5 min after now", validate(Samples.DriverEvent));
    }

    [Fact]
    public void The_validator_applies_the_options_given()
    {
        var contracts = Samples.Contracts(options: new EventValidationOptions { MaxTripDuration = TimeSpan.FromMinutes(20) });

        Assert.StartsWith("ended_at is 26 min 30 s after", contracts.UploadTrip.Validate(Samples.UploadTrip) + " ");
    }

    [Fact]
    public void Try_read_prefixes_a_validation_failure()
    {
        var contracts = Samples.Contracts();
        byte[] json = Encoding.UTF8.GetBytes(Samples.DriverEventJson.Replace("\"lat\":1.2834", "\"lat\":-91"));

        Assert.False(contracts.DriverEvent.TryRead(json, out var record, out var error));

        Assert.Null(record);
        Assert.Equal("invalid record: lat must be a finite number in [-90, 90] (was -91)", error);
    }

    [Fact]
    public void Serialize_refuses_a_record_that_breaks_the_contract()
    {
        var contracts = Samples.Contracts();
        var tooLong = Samples.MdtMessage with { Text = "A line far longer than thirty-two characters" };

        var error = Assert.Throws<ArgumentException>(() => contracts.MessageSend.Serialize(tooLong));

        Assert.Equal("record", error.ParamName);
        Assert.StartsWith("The MdtMessage breaks the ngp.dcp.drivercomms.message_send contract: text line 1 is longer than 32 characters.", error.Message);
    }

    [Fact]
    public void A_null_record_is_an_argument_error()
    {
        var contracts = Samples.Contracts();

        Assert.Throws<ArgumentNullException>(() => contracts.DriverEvent.Validate(null!));
        Assert.Throws<ArgumentNullException>(() => contracts.DriverEvent.KeyOf(null!));
    }

    [Theory]
    [InlineData(0, 5, 12, "MaxEventAge")]
    [InlineData(-1, 5, 12, "MaxEventAge")]
    [InlineData(24, -1, 12, "MaxClockSkew")]
    [InlineData(24, 5, 0, "MaxTripDuration")]
    public void Out_of_range_options_are_refused_naming_the_option(int maxAgeHours, int skewMinutes, int tripHours, string option)
    {
        var options = new EventValidationOptions
        {
            MaxEventAge = TimeSpan.FromHours(maxAgeHours),
            MaxClockSkew = TimeSpan.FromMinutes(skewMinutes),
            MaxTripDuration = TimeSpan.FromHours(tripHours),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TopicContracts(new FixedClock(Samples.Now), options));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Options_changed_after_construction_have_no_effect()
    {
        var options = new EventValidationOptions();
        var contracts = Samples.Contracts(options: options);

        options.MaxEventAge = TimeSpan.FromSeconds(1);

        Assert.Null(contracts.DriverRealPerformance.Validate(Samples.DriverRealPerformance));
    }

    [Fact]
    public void A_zero_clock_skew_is_allowed()
    {
        var contracts = Samples.Contracts(options: new EventValidationOptions { MaxClockSkew = TimeSpan.Zero });

        Assert.Null(contracts.MessageReply.Validate(Samples.MessageReply));
    }

    [Fact]
    public void The_clock_and_options_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new TopicContracts(null!, new EventValidationOptions()));
        Assert.Throws<ArgumentNullException>(() => new TopicContracts(TimeProvider.System, null!));
    }
}
