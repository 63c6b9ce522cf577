using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Kafka;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench;

/// <summary>
/// Kafka ingest into grains: N driver location events (JSON, 50,000 drivers moving over Singapore) are parsed,
/// validated and handed to driver grains of the real runtime, which update their state. <c>--via kafka</c> fills a
/// topic of the embedded broker first, then times the stream pump consuming it; <c>--via direct</c> times the same
/// records handed to the stream layer without a broker. Options: --events N (default 1,000,000), --via kafka|direct,
/// --drivers N (50,000), --partitions N (kafka; default: enough for the embedded broker's 5 MiB per partition),
/// --max-in-flight N (10,000), --feeders N (direct: feeding threads, each with its share of the drivers; default 1,
/// like the one pump of a silo). Both modes first handle warm-up rounds of N/10 events (at most 100,000) unmeasured
/// until a whole round compiled no new method (at most 8 rounds, 3 via kafka: on a loaded machine tiering up takes
/// seconds), then time the N.
/// </summary>
public sealed class IngestSuite : IBenchSuite
{
    internal const string Topic = "ngp.me.vehiclecomm.driver_event";

    /// <summary>The embedded broker keeps at most 5 MiB per partition and drops older batches: stay below.</summary>
    private const long BytesPerPartition = 4L << 20;

    private const int ApproxBytesPerRecord = 260;

    public string Name => "ingest";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var events = args.Long("events", 1_000_000);
        var via = args.String("via", "kafka");
        var drivers = (int)args.Long("drivers", 50_000);
        var maxInFlight = (int)args.Long("max-in-flight", 10_000);
        if (events < 1 || drivers < 1 || maxInFlight < 1)
            throw new ArgumentException("--events, --drivers and --max-in-flight must be positive");

        var result = via switch
        {
            "kafka" => await ViaKafkaAsync(events, drivers, maxInFlight, args.Has("partitions") ? (int)args.Long("partitions", 0) : null),
            "direct" => await DirectAsync(events, drivers, maxInFlight, (int)args.Long("feeders", 1)),
            _ => throw new ArgumentException($"--via must be kafka or direct (was '{via}')"),
        };

        var line = new Dictionary<string, object?>
        {
            ["scenario"] = "ingest_" + via,
            ["events"] = events,
            ["events_per_s"] = Math.Round(events / result.Elapsed.TotalSeconds),
            ["p99_event_to_grain_ms"] = Math.Round(result.P99.TotalMilliseconds, 2),
            // The machine is shared: CPU time per event (all threads, including the broker's) is steadier than the rate.
            ["cpu_us_per_event"] = Math.Round(result.Cpu.TotalMicroseconds / events, 2),
            // Managed allocation per event, all threads: what the garbage collector has to clean up after.
            ["bytes_allocated_per_event"] = Math.Round(result.AllocatedBytes / (double)events),
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["cores"] = BenchOutput.Cores,
            ["dead_letters"] = result.DeadLetters,
        };
        foreach (var (name, value) in result.Setup)
            line[name] = value;
        BenchOutput.WriteLine(line);
        return result.DeadLetters == 0 ? 0 : 1;
    }

    private static int PartitionsFor(long events) =>
        (int)Math.Max(6, (events * ApproxBytesPerRecord + BytesPerPartition - 1) / BytesPerPartition);

    /// <summary>Records per warm-up round: a tenth, at most 100,000 (the JIT tiers up meanwhile).</summary>
    private static long WarmUpFor(long events) => Math.Max(1, Math.Min(events / 10, 100_000));

    private const int MaxWarmUpRounds = 8;

    /// <summary>
    /// The kafka mode stores every possible warm-up round in the topic first; each round costs partitions (the cost of a
    /// resume grows with them), so it stops earlier.
    /// </summary>
    private const int MaxKafkaWarmUpRounds = 3;

    /// <summary>
    /// Runs warm-up rounds until one compiled no new method (tiered compilation has settled; at least two rounds),
    /// or <paramref name="maxRounds"/>. Returns the rounds run.
    /// </summary>
    private static async Task<int> WarmUpAsync(int maxRounds, Func<int, Task> round)
    {
        var compiled = -1L;
        for (var rounds = 1; ; rounds++)
        {
            await round(rounds);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if ((now == compiled && rounds >= 2) || rounds == maxRounds)
                return rounds;
            compiled = now;
        }
    }

    /// <summary>
    /// Fills the topic through an outbox (room for every warm-up round first), then starts the grid and the pump and
    /// times the consumption of the N records after the last warm-up round, from its last record handled to the Nth.
    /// </summary>
    private static async Task<IngestResult> ViaKafkaAsync(long events, int drivers, int maxInFlight, int? partitionsArg)
    {
        var warmUp = WarmUpFor(events);
        var partitions = partitionsArg ?? PartitionsFor(warmUp * MaxKafkaWarmUpRounds + events);
        var builder = NewHostBuilder(new Dictionary<string, string?>
        {
            ["Kafka:MaxInFlight"] = maxInFlight.ToString(),
            ["Kafka:Topics:0:Name"] = Topic,
            ["Kafka:Topics:0:Partitions"] = partitions.ToString(),
            ["Kafka:Outbox:Capacity"] = "50000",
            ["Kafka:Outbox:Linger"] = "00:00:00.020",
        });
        builder.Services.AddKafkaStreams(builder.Configuration)
            .AddTopic(Topic, IngestJsonContext.Default.DriverLocationEvent, DriverLocationEvent.Validate)
            .AddOutbox(Topic, IngestJsonContext.Default.DriverLocationEvent);
        using var host = builder.Build();

        var outbox = host.Services.GetRequiredService<KafkaOutbox<DriverLocationEvent>>();
        var city = new SingaporeDrivers(drivers, seed: 42);
        for (var i = 0; i < warmUp * MaxKafkaWarmUpRounds + events; i++)
        {
            var ping = city.NextPing(out _);
            await outbox.EnqueueAsync(ping.DriverId, ping);
        }

        while (outbox.Status.Pending > 0)
            await Task.Delay(10);
        if (outbox.Status.Failed > 0)
            throw new InvalidOperationException($"{outbox.Status.Failed} events could not be written to the embedded broker");

        var metrics = host.Services.GetRequiredService<KafkaStreamMetrics>();
        IngestProgress.Reset();
        await host.StartAsync();
        var rounds = await WarmUpAsync(MaxKafkaWarmUpRounds, round => IngestProgress.WaitUntilHandledAsync(warmUp * round, TimeSpan.FromMinutes(5)));
        var measuredFrom = warmUp * rounds;
        var load = BenchOutput.LoadAverage();
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuTime();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var warmUpLatency = metrics.DeliveryLatency.CopyCounts();
        await IngestProgress.WaitUntilHandledAsync(measuredFrom + events, TimeSpan.FromMinutes(10));
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = CpuTime() - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var p99 = LatencyHistogram.Percentile(LatencyHistogram.Difference(metrics.DeliveryLatency.CopyCounts(), warmUpLatency), 0.99);
        var deadLetters = metrics.GetSnapshot().DeadLettersByReason.Values.Sum();
        await host.StopAsync();
        return new IngestResult(elapsed, cpu, allocated, p99, deadLetters, new() { ["partitions"] = partitions, ["warmup_rounds"] = rounds, ["load_avg"] = load });
    }

    /// <summary>
    /// Hands pre-serialized records to the stream layer from <paramref name="feeders"/> threads, each with its own
    /// ingress and its share of the drivers (as partitions split keys), after the warm-up rounds.
    /// </summary>
    private static async Task<IngestResult> DirectAsync(long events, int drivers, int maxInFlight, int feeders)
    {
        using var host = NewHostBuilder([]).Build();
        await host.StartAsync();
        var city = new SingaporeDrivers(drivers, seed: 42);

        var dispatcher = host.Services.GetRequiredService<IRecordDispatcher>();
        var deadLetters = new CountingDeadLetterSink();
        var options = Options.Create(new KafkaOptions { MaxInFlight = Math.Max(1, maxInFlight / feeders) });
        var lanes = Enumerable.Range(0, feeders).Select(_ =>
        {
            var metrics = new KafkaStreamMetrics();
            var binding = new TopicBinding<DriverLocationEvent>(Topic, IngestJsonContext.Default.DriverLocationEvent, DriverLocationEvent.Validate);
            return (Metrics: metrics, Ingress: new DirectStreamIngress([binding], dispatcher, deadLetters, metrics, options));
        }).ToList();

        var rounds = await WarmUpAsync(MaxWarmUpRounds, _ =>
        {
            FeedInParallel(lanes.Select(l => l.Ingress).ToList(), Generate(city, WarmUpFor(events), feeders));
            return Task.CompletedTask;
        });
        var records = Generate(city, events, feeders);
        var warmUpLatency = lanes.Select(l => l.Metrics.DeliveryLatency.CopyCounts()).ToList();
        var load = BenchOutput.LoadAverage();
        var cpu = CpuTime();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        FeedInParallel(lanes.Select(l => l.Ingress).ToList(), records);
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = CpuTime() - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var latency = lanes.Select((l, i) => LatencyHistogram.Difference(l.Metrics.DeliveryLatency.CopyCounts(), warmUpLatency[i]))
            .Aggregate((a, b) => [.. a.Zip(b, (x, y) => x + y)]);
        lanes.ForEach(l =>
        {
            l.Ingress.Dispose();
            l.Metrics.Dispose();
        });
        await host.StopAsync();
        return new IngestResult(elapsed, cpu, allocated, LatencyHistogram.Percentile(latency, 0.99), deadLetters.Count, new() { ["feeders"] = feeders, ["warmup_rounds"] = rounds, ["load_avg"] = load });
    }

    private static void FeedInParallel(List<DirectStreamIngress> ingresses, List<(byte[] Key, byte[] Value)>[] shares)
    {
        var threads = ingresses.Select((ingress, i) => new Thread(() =>
        {
            foreach (var (key, value) in shares[i])
                ingress.Ingest(Topic, key, value);
            if (!ingress.WaitForIdle(TimeSpan.FromMinutes(5)))
                throw new TimeoutException("the grains did not finish the ingested events within 5 minutes");
        }) { IsBackground = true, Name = $"ingest-feeder-{i}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    /// <returns>The records split into <paramref name="shares"/> lists by driver, each in event order.</returns>
    private static List<(byte[] Key, byte[] Value)>[] Generate(SingaporeDrivers city, long count, int shares)
    {
        var result = Enumerable.Range(0, shares).Select(_ => new List<(byte[], byte[])>((int)(count / shares) + 1)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var ping = city.NextPing(out var driver);
            result[driver % shares].Add((System.Text.Encoding.UTF8.GetBytes(ping.DriverId), JsonSerializer.SerializeToUtf8Bytes(ping, IngestJsonContext.Default.DriverLocationEvent)));
        }

        return result;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static HostApplicationBuilder NewHostBuilder(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().AddFilter(level => level >= LogLevel.Warning);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddGrid(grid => grid.AddGrain<IngestDriverGrain>());
        return builder;
    }

    /// <param name="Setup">Scenario-specific figures added to the output line (partitions, feeders).</param>
    private sealed record IngestResult(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, TimeSpan P99, long DeadLetters, Dictionary<string, object?> Setup);

    /// <summary>Dead letters in the direct run (there should be none): counted and confirmed.</summary>
    private sealed class CountingDeadLetterSink : IDeadLetterSink
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Write(DeadLetter letter, Action onWritten)
        {
            Interlocked.Increment(ref _count);
            onWritten();
        }
    }
}

/// <summary>Counts the events grains handled, so the kafka run knows when the warm-up and the measured records are done.</summary>
internal static class IngestProgress
{
    private static long _handled;

    public static void Reset() => Interlocked.Exchange(ref _handled, 0);

    public static void OnHandled() => Interlocked.Increment(ref _handled);

    public static async Task WaitUntilHandledAsync(long count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _handled) < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"grains handled {Interlocked.Read(ref _handled)} of {count} events within {timeout}");
            await Task.Delay(1);
        }
    }
}

/// <summary>
/// One driver's live state, updated from every ping: late or replayed pings (event time not after the last one) are
/// ignored, so redelivery is harmless; distance travelled accumulates along the pings.
/// </summary>
[ImplicitStreamSubscription(IngestSuite.Topic)]
public sealed class IngestDriverGrain : Grain, IAsyncObserver<DriverLocationEvent>
{
    private DateTimeOffset _lastTs = DateTimeOffset.MinValue;
    private double _lat = double.NaN;
    private double _lng = double.NaN;
    private double _distanceKm;
    private double _availableSeconds;
    private DriverStatus _status;
    private long _pings;
    private long _stale;

    public Task OnNextAsync(DriverLocationEvent item, RecordPosition? token = null)
    {
        if (item.Ts <= _lastTs)
        {
            _stale++;
        }
        else
        {
            if (!double.IsNaN(_lat))
            {
                _distanceKm += HaversineKm(_lat, _lng, item.Lat, item.Lng);
                if (_status == DriverStatus.Available)
                    _availableSeconds += (item.Ts - _lastTs).TotalSeconds;
            }

            (_lat, _lng, _status, _lastTs) = (item.Lat, item.Lng, item.Status, item.Ts);
            _pings++;
        }

        IngestProgress.OnHandled();
        return Task.CompletedTask;
    }

    private static double HaversineKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double earthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLng = double.DegreesToRadians(lng2 - lng1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<DriverStatus>))]
public enum DriverStatus
{
    [JsonStringEnumMemberName("available")] Available,
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("on_trip")] OnTrip,
    [JsonStringEnumMemberName("offline")] Offline,
    [JsonStringEnumMemberName("break")] Break,
}

/// <summary>
/// A GPS ping and status of one driver, as on <c>ngp.me.vehiclecomm.driver_event</c>; settable <c>[JsonRequired]</c>
/// properties like the product's topic records (see <c>ITopicRecord</c> for why).
/// </summary>
public sealed record DriverLocationEvent
{
    [JsonRequired]
    public string DriverId { get; set; } = "";

    [JsonRequired]
    public double Lat { get; set; }

    [JsonRequired]
    public double Lng { get; set; }

    [JsonRequired]
    public double Speed { get; set; }

    [JsonRequired]
    public double Heading { get; set; }

    [JsonRequired]
    public DriverStatus Status { get; set; }

    [JsonRequired]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    public string EventId { get; set; } = "";

    public static string? Validate(DriverLocationEvent e) =>
        e.Lat is < -90 or > 90 || double.IsNaN(e.Lat) ? $"lat must be in [-90, 90] (was {e.Lat})"
        : e.Lng is < -180 or > 180 || double.IsNaN(e.Lng) ? $"lng must be in [-180, 180] (was {e.Lng})"
        : e.Speed is < 0 or > 300 ? $"speed must be in [0, 300] km/h (was {e.Speed})"
        : e.Heading is < 0 or >= 360 ? $"heading must be in [0, 360) (was {e.Heading})"
        : e.DriverId.Length is 0 or > 64 ? "driver_id must have 1 to 64 characters"
        : e.VehicleId.Length is 0 or > 64 ? "vehicle_id must have 1 to 64 characters"
        : e.EventId.Length is 0 or > 64 ? "event_id must have 1 to 64 characters"
        : e.Ts.Offset != TimeSpan.Zero ? "ts must be UTC"
        : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DriverLocationEvent))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;

/// <summary>
/// Drivers moving over Singapore (1.22-1.47 N, 103.6-104.05 E): each ping moves a random driver along its heading
/// at its speed for 3 to 5 seconds; statuses change now and then. Deterministic for a seed.
/// </summary>
internal sealed class SingaporeDrivers
{
    private const double South = 1.22, North = 1.47, West = 103.6, East = 104.05;
    private static readonly DriverStatus[] Statuses =
        [DriverStatus.Available, DriverStatus.Available, DriverStatus.Available, DriverStatus.OnTrip, DriverStatus.OnTrip, DriverStatus.Busy, DriverStatus.Break, DriverStatus.Offline];

    private readonly Random _random;
    private readonly Driver[] _drivers;
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-1);

    public SingaporeDrivers(int count, int seed)
    {
        _random = new Random(seed);
        _drivers = new Driver[count];
        for (var i = 0; i < count; i++)
        {
            _drivers[i] = new Driver(
                $"drv-{i:D6}", $"veh-{i:D6}", South + _random.NextDouble() * (North - South), West + _random.NextDouble() * (East - West),
                _random.NextDouble() * 360, Statuses[_random.Next(Statuses.Length)], _start.AddSeconds(_random.NextDouble() * 5));
        }
    }

    /// <param name="driver">The index of the driver who pinged.</param>
    public DriverLocationEvent NextPing(out int driver)
    {
        driver = _random.Next(_drivers.Length);
        var d = _drivers[driver];
        var seconds = 3 + _random.NextDouble() * 2;
        var speed = d.Status is DriverStatus.Offline or DriverStatus.Break ? 0 : 15 + _random.NextDouble() * 45;
        d.Heading = (d.Heading + (_random.NextDouble() - 0.5) * 30 + 360) % 360;
        var km = speed * seconds / 3600;
        d.Lat = Math.Clamp(d.Lat + km / 111.32 * Math.Cos(double.DegreesToRadians(d.Heading)), South, North);
        d.Lng = Math.Clamp(d.Lng + km / 111.32 * Math.Sin(double.DegreesToRadians(d.Heading)), West, East);
        if (_random.Next(50) == 0)
            d.Status = Statuses[_random.Next(Statuses.Length)];
        d.Ts = d.Ts.AddSeconds(seconds);
        Span<byte> id = stackalloc byte[16];
        _random.NextBytes(id);
        return new DriverLocationEvent
        {
            DriverId = d.DriverId,
            Lat = Math.Round(d.Lat, 6),
            Lng = Math.Round(d.Lng, 6),
            Speed = Math.Round(speed, 1),
            Heading = Math.Round(d.Heading, 1) % 360,
            Status = d.Status,
            VehicleId = d.VehicleId,
            Ts = d.Ts,
            EventId = new Guid(id).ToString(),
        };
    }

    private sealed class Driver(string driverId, string vehicleId, double lat, double lng, double heading, DriverStatus status, DateTimeOffset ts)
    {
        public string DriverId { get; } = driverId;

        public string VehicleId { get; } = vehicleId;

        public double Lat { get; set; } = lat;

        public double Lng { get; set; } = lng;

        public double Heading { get; set; } = heading;

        public DriverStatus Status { get; set; } = status;

        public DateTimeOffset Ts { get; set; } = ts;
    }
}
