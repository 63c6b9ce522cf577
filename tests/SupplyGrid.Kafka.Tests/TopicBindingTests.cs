using System.Text;
using System.Text.Json.Serialization;
using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class TopicBindingTests
{
    private readonly TopicBinding<DriverPing> _binding = new("ngp.me.vehiclecomm.driver_event", TestJsonContext.Default.DriverPing, DriverPing.Validate);

    [Fact]
    public void A_valid_event_decodes_and_unknown_members_are_ignored()
    {
        var rejection = Decode("""{"driver_id":"drv-1","seq":7,"lat":1.29,"lng":103.85,"speed_kmh":40,"extra":{"a":[1,2]}}""", out var item);

        Assert.Null(rejection);
        Assert.Equal(new DriverPing { DriverId = "drv-1", Seq = 7, Lat = 1.29, Lng = 103.85 }, item);
    }

    [Theory]
    [InlineData("""{"driver_id":"drv-1","seq":""", DeadLetterReason.MalformedJson)]
    [InlineData("""{"driver_id":"drv-1","seq":1,"lat":1.0} trailing""", DeadLetterReason.MalformedJson)]
    [InlineData("""{"driver_id":"drv-1","lat":1.0}""", DeadLetterReason.MissingRequiredField)]
    [InlineData("""{"driver_id":"drv-1","seq":"seven","lat":1.0}""", DeadLetterReason.SchemaMismatch)]
    [InlineData("""[1,2,3]""", DeadLetterReason.SchemaMismatch)]
    [InlineData("""null""", DeadLetterReason.SchemaMismatch)]
    [InlineData("""{"driver_id":"drv-1","seq":1,"lat":91}""", DeadLetterReason.ValidationFailed)]
    [InlineData("", DeadLetterReason.MissingValue)]
    public void Bad_values_are_rejected_with_their_reason(string json, DeadLetterReason expected)
    {
        var rejection = Decode(json, out var item);

        Assert.Null(item);
        Assert.Equal(expected, rejection?.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection!.Message));
    }

    [Fact]
    public void A_missing_required_member_is_named()
    {
        var rejection = Decode("""{"lng":103.8}""", out _);

        Assert.Equal("required properties missing: driver_id, seq, lat", rejection!.Message);
    }

    [Fact]
    public void The_validator_message_is_the_rejection_message()
    {
        var rejection = Decode("""{"driver_id":"drv-1","seq":1,"lat":-95}""", out _);

        Assert.Equal("lat -95 is outside [-90, 90]", rejection!.Message);
    }

    [Fact]
    public void A_throwing_validator_rejects_the_record_instead_of_stopping_the_stream()
    {
        var binding = new TopicBinding<DriverPing>("t", TestJsonContext.Default.DriverPing, _ => throw new FormatException("bug in validator"));

        var rejection = binding.Decode(Encoding.UTF8.GetBytes("""{"driver_id":"d","seq":1,"lat":1}"""), out _);

        Assert.Equal(DeadLetterReason.ValidationFailed, rejection!.Reason);
        Assert.IsType<FormatException>(rejection.Exception);
    }

    [Fact]
    public void Case_insensitive_contexts_match_required_members_case_insensitively()
    {
        var binding = new TopicBinding<CaseInsensitivePing>("t", CaseInsensitiveContext.Default.CaseInsensitivePing);

        var rejection = binding.Decode(Encoding.UTF8.GetBytes("""{"DRIVERID":"d","Seq":"x"}"""), out _);

        Assert.Equal(DeadLetterReason.SchemaMismatch, rejection!.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("..")]
    public void Topic_names_are_checked(string topic)
    {
        var error = Assert.Throws<ArgumentException>(() => new TopicBinding<DriverPing>(topic, TestJsonContext.Default.DriverPing));
        Assert.Equal("topic", error.ParamName);
    }

    private RecordRejection? Decode(string json, out object? item) => _binding.Decode(Encoding.UTF8.GetBytes(json), out item);
}

public sealed record CaseInsensitivePing(string DriverId, int Seq)
{
    [JsonRequired]
    public string DriverId { get; init; } = DriverId;

    [JsonRequired]
    public int Seq { get; init; } = Seq;
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CaseInsensitivePing))]
internal sealed partial class CaseInsensitiveContext : JsonSerializerContext;
