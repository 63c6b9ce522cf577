using System.Text.Json.Serialization;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>A driver ping as a domain would define it: required members, snake_case JSON, a range validator.</summary>
public sealed record DriverPing
{
    public required string DriverId { get; init; }

    public required long Seq { get; init; }

    public required double Lat { get; init; }

    public double Lng { get; init; }

    public static string? Validate(DriverPing ping) =>
        ping.Lat is < -90 or > 90 ? $"lat {ping.Lat} is outside [-90, 90]" : null;
}

public sealed record MdtMessage(string MessageId, string DriverId, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DriverPing))]
[JsonSerializable(typeof(MdtMessage))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
