using System.Diagnostics;
using System.Runtime.InteropServices;
using SupplyGrid.Runtime;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// Takes one sample of the silo: the grid monitor's snapshot, the process figures and, when the silo runs Kafka
/// streams, the stream layer's snapshot. Rates (calls/s, records/s) are the change in the running totals since the
/// previous sample over the time between them. Not thread-safe: one sampler calls it.
/// </summary>
internal sealed class SiloMetricsCollector
{
    private readonly IGridMonitor _grid;
    private readonly KafkaStreamMetrics? _kafka;
    private readonly TimeProvider _time;
    private readonly ProcessFiguresReader _process = new();
    private readonly DateTimeOffset _startedAt;
    private Dictionary<(string GrainType, string Interface, string Method), (long Calls, long Failures)> _methodTotals = [];
    private Dictionary<string, long> _consumedTotals = new(StringComparer.Ordinal);
    private long _previousTimestamp;

    public SiloMetricsCollector(IGridMonitor grid, KafkaStreamMetrics? kafka, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(time);
        _grid = grid;
        _kafka = kafka;
        _time = time;
        // Prime the running totals so the first sample's rates cover its own interval, not everything since start.
        Grid(grid.Snapshot(), 1);
        if (kafka is not null)
            Kafka(kafka.GetSnapshot(), 1);
        _previousTimestamp = time.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        _startedAt = process.StartTime.ToUniversalTime();
    }

    public (SiloSample Sample, SiloOverview Overview) Collect()
    {
        var timestamp = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_previousTimestamp, timestamp);
        _previousTimestamp = timestamp;
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);

        var grid = _grid.Snapshot();
        var process = _process.Read(elapsed);
        var gridOverview = Grid(grid, seconds);
        var kafka = _kafka is null ? null : Kafka(_kafka.GetSnapshot(), seconds);
        // Whole milliseconds: the time round-trips exactly through ISO-8601 text and JavaScript dates (?after=).
        var now = _time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

        var grainTypes = gridOverview.GrainTypes.ToDictionary(
            t => t.GrainType, t => new GrainTypeSample(t.Activations, t.MailboxDepth, t.CallsPerSecond, t.FailuresPerSecond), StringComparer.Ordinal);
        var kafkaSample = kafka is null
            ? null
            : new KafkaSample(kafka.Topics.ToDictionary(t => t.Topic, t => t.RecordsPerSecond, StringComparer.Ordinal),
                kafka.ConsumerLag, kafka.DeadLettersByReason.Values.Sum(), kafka.InFlight);
        var sample = new SiloSample(at, grid.Activations, grid.PendingMessages, grid.Reminders,
            gridOverview.CallsPerSecond, gridOverview.FailuresPerSecond, grainTypes, process, kafkaSample);
        var identity = new SiloIdentity(Environment.MachineName, Environment.ProcessId, _startedAt,
            Math.Max(0, (at - _startedAt).TotalSeconds), Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
        return (sample, new SiloOverview(at, identity, gridOverview, process, kafka));
    }

    private GridOverview Grid(GridSnapshot snapshot, double seconds)
    {
        var totals = new Dictionary<(string, string, string), (long Calls, long Failures)>(_methodTotals.Count);
        var types = new List<GrainTypeOverview>(snapshot.GrainTypes.Count);
        foreach (var type in snapshot.GrainTypes)
        {
            var methods = new List<MethodOverview>(type.Methods.Count);
            long calls = 0, failures = 0;
            double callRate = 0, failureRate = 0;
            foreach (var m in type.Methods)
            {
                var key = (type.GrainType, m.InterfaceName, m.MethodName);
                var before = _methodTotals.GetValueOrDefault(key);
                totals[key] = (m.Calls, m.Failures);
                var rate = Rate(m.Calls - before.Calls, seconds);
                callRate += rate;
                failureRate += Rate(m.Failures - before.Failures, seconds);
                calls += m.Calls;
                failures += m.Failures;
                methods.Add(new MethodOverview(m.InterfaceName, m.MethodName, m.Calls, m.Failures, rate, m.P50Microseconds, m.P99Microseconds));
            }

            types.Add(new GrainTypeOverview(type.GrainType, type.Activations, type.MailboxDepth, calls, failures, callRate, failureRate, methods));
        }

        _methodTotals = totals;
        return new GridOverview(snapshot.Activations, snapshot.PendingMessages, snapshot.Reminders,
            types.Sum(t => t.CallsPerSecond), types.Sum(t => t.FailuresPerSecond), types);
    }

    private KafkaOverview Kafka(KafkaStreamSnapshot snapshot, double seconds)
    {
        var consumed = new Dictionary<string, long>(snapshot.Topics.Count, StringComparer.Ordinal);
        var topics = new List<TopicOverview>(snapshot.Topics.Count);
        foreach (var t in snapshot.Topics)
        {
            consumed[t.Topic] = t.RecordsConsumed;
            var rate = Rate(t.RecordsConsumed - _consumedTotals.GetValueOrDefault(t.Topic), seconds);
            topics.Add(new TopicOverview(t.Topic, t.RecordsConsumed, rate, t.DeadLettered));
        }

        _consumedTotals = consumed;
        return new KafkaOverview(topics, snapshot.Partitions, snapshot.Partitions.Sum(p => Math.Max(0, p.Lag)), snapshot.DeadLettersByReason,
            snapshot.InFlight, snapshot.DeliveryLatencyP50.TotalMilliseconds, snapshot.DeliveryLatencyP99.TotalMilliseconds, snapshot.Outboxes);
    }

    // Counters only grow; a negative change means the totals restarted (a new runtime), not negative traffic.
    private static double Rate(long delta, double seconds) => Math.Max(0, delta) / seconds;
}
