using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench;

/// <summary>
/// Parsing one driver_event ping: the product's <see cref="DriverEvent"/> (settable <c>[JsonRequired]</c> properties,
/// <see cref="SupplyGridJsonContext"/>) against the same record declared with <c>required init</c> properties and the
/// same JSON options, alternating in one process. Prints µs and bytes allocated per parse for each, and the ratio.
/// Options: --parses N (1,000,000 per round), --rounds R (5; the best round of each counts).
/// </summary>
public sealed class TopicRecordSuite : IBenchSuite
{
    public string Name => "records";

    public Task<int> RunAsync(BenchArgs args)
    {
        var parses = checked((int)args.Long("parses", 1_000_000));
        var rounds = checked((int)args.Long("rounds", 5));
        if (parses < 1 || rounds < 1)
        {
            Console.Error.WriteLine("records: --parses and --rounds must be positive");
            return Task.FromResult(2);
        }

        var ping = new DriverEvent
        {
            EventId = "evt-7f3a9c21", Ts = DateTimeOffset.UtcNow, DriverId = "drv-104233", VehicleId = "veh-55821",
            Lat = 1.30482, Lng = 103.83181, SpeedKmh = 31.5, HeadingDeg = 87.0, Status = global::SupplyGrid.Grains.Events.DriverStatus.Available,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(ping, SupplyGridJsonContext.Default.DriverEvent);
        // The baseline must read the very same bytes into the very same values.
        var baseline = JsonSerializer.Deserialize(json, RequiredInitJsonContext.Default.RequiredInitDriverEvent)!;
        if (baseline.DriverId != ping.DriverId || baseline.Ts != ping.Ts || baseline.Lat != ping.Lat)
            throw new InvalidOperationException("the baseline record parsed different values");

        (double Us, double Bytes) settable = (double.MaxValue, 0), requiredInit = (double.MaxValue, 0);
        for (var round = 0; round < rounds; round++)
        {
            settable = Best(settable, Measure(parses, () => JsonSerializer.Deserialize(json, SupplyGridJsonContext.Default.DriverEvent)));
            requiredInit = Best(requiredInit, Measure(parses, () => JsonSerializer.Deserialize(json, RequiredInitJsonContext.Default.RequiredInitDriverEvent)));
        }

        foreach (var (shape, result) in new[] { ("settable_json_required", settable), ("required_init", requiredInit) })
        {
            BenchOutput.WriteLine(new Dictionary<string, object?>
            {
                ["scenario"] = "records",
                ["shape"] = shape,
                ["us_per_parse"] = Math.Round(result.Us, 3),
                ["bytes_per_parse"] = Math.Round(result.Bytes),
                ["ratio_to_required_init"] = Math.Round(result.Us / requiredInit.Us, 3),
                ["json_bytes"] = json.Length,
                ["parses"] = parses,
                ["cores"] = BenchOutput.Cores,
                ["load_avg"] = BenchOutput.LoadAverage(),
            });
        }

        return Task.FromResult(0);
    }

    private static (double Us, double Bytes) Measure(int parses, Func<object?> parse)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < parses; i++)
            GC.KeepAlive(parse());
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (elapsed.TotalMicroseconds / parses, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)parses);
    }

    private static (double Us, double Bytes) Best((double Us, double Bytes) a, (double Us, double Bytes) b) => a.Us <= b.Us ? a : b;
}

/// <summary>The baseline: <see cref="DriverEvent"/>'s fields as <c>required init</c> properties.</summary>
public sealed record RequiredInitDriverEvent
{
    public required string EventId { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string DriverId { get; init; }

    public string? VehicleId { get; init; }

    public required double Lat { get; init; }

    public required double Lng { get; init; }

    public required double SpeedKmh { get; init; }

    public double? HeadingDeg { get; init; }

    public required global::SupplyGrid.Grains.Events.DriverStatus Status { get; init; }
}

/// <summary>The JSON options of <see cref="SupplyGridJsonContext"/>, for the baseline record.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(RequiredInitDriverEvent))]
internal sealed partial class RequiredInitJsonContext : JsonSerializerContext;
