using System.Diagnostics.Metrics;
using SupplyGrid.Runtime.Metrics;
using SupplyGrid.Runtime.Reminders;

namespace SupplyGrid.Runtime;

/// <summary>What the operator dashboard reads: a consistent-enough view of the silo's grains at one moment.</summary>
public interface IGridMonitor
{
    GridSnapshot Snapshot();

    /// <summary>
    /// Messages sent and not yet finished, waiting or running (a turn awaiting another grain counts): zero when the
    /// grid has nothing left to do. Tests and replays poll it to know when the grid is quiet; it walks every
    /// activation (nothing is counted on the message path), so it costs a pass over the activations per read.
    /// </summary>
    long UnfinishedMessages { get; }
}

public sealed record GridSnapshot(
    DateTimeOffset Time,
    long Activations,
    long PendingMessages,
    int Reminders,
    IReadOnlyList<GrainTypeSnapshot> GrainTypes);

public sealed record GrainTypeSnapshot(string GrainType, long Activations, long MailboxDepth, IReadOnlyList<MethodSnapshot> Methods);

public sealed record MethodSnapshot(string InterfaceName, string MethodName, long Calls, long Failures, double P50Microseconds, double P99Microseconds);

/// <summary>Builds snapshots and publishes the same figures as System.Diagnostics.Metrics instruments (meter "SupplyGrid.Runtime").</summary>
internal sealed class GridMonitor : IGridMonitor, IDisposable
{
    public const string MeterName = "SupplyGrid.Runtime";
    private readonly GridRuntime _runtime;
    private readonly ReminderService _reminders;
    private readonly Meter _meter;

    public GridMonitor(GridRuntime runtime, ReminderService reminders, IMeterFactory meterFactory)
    {
        _runtime = runtime;
        _reminders = reminders;
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableGauge("supplygrid.grain.activations", () => PerType(t => t.Activations), description: "Live activations per grain type");
        _meter.CreateObservableGauge("supplygrid.grain.mailbox_depth", MailboxDepths, description: "Messages waiting per grain type");
        _meter.CreateObservableCounter("supplygrid.grain.calls", () => PerMethod(m => m.Calls), description: "Completed calls per grain type and method");
        _meter.CreateObservableCounter("supplygrid.grain.failures", () => PerMethod(m => m.Failures), description: "Failed calls per grain type and method");
        _meter.CreateObservableGauge("supplygrid.grain.latency_p99", () => PerMethod(m => LatencyHistogram.Percentile(m.Latency.Snapshot(), 0.99)),
            unit: "us", description: "99th percentile call latency (send to completion)");
        _meter.CreateObservableGauge("supplygrid.silo.pending_messages", () => runtime.Statistics.PendingMessages, description: "Messages waiting in all mailboxes");
    }

    public long UnfinishedMessages
    {
        get
        {
            long unfinished = 0;
            foreach (var activation in _runtime.Directory.All())
                unfinished += activation.UnfinishedCount;
            return unfinished;
        }
    }

    public GridSnapshot Snapshot()
    {
        var depths = _runtime.Directory.All().GroupBy(a => a.GrainClass.GrainType).ToDictionary(g => g.Key, g => (long)g.Sum(a => a.MailboxDepth));
        var types = _runtime.Registry.Classes.Select(c => new GrainTypeSnapshot(
            c.GrainType,
            c.Statistics.Activations,
            depths.GetValueOrDefault(c.GrainType),
            c.Statistics.Methods.Select(m =>
            {
                var buckets = m.Latency.Snapshot();
                return new MethodSnapshot(m.InterfaceName, m.MethodName, m.Calls, m.Failures,
                    LatencyHistogram.Percentile(buckets, 0.5), LatencyHistogram.Percentile(buckets, 0.99));
            }).ToArray())).ToArray();
        return new GridSnapshot(_runtime.TimeProvider.GetUtcNow(), types.Sum(t => t.Activations), _runtime.Statistics.PendingMessages,
            _reminders.Scheduled.Count, types);
    }

    private IEnumerable<Measurement<long>> PerType(Func<GrainTypeStatistics, long> value) =>
        _runtime.Registry.Classes.Select(c => new Measurement<long>(value(c.Statistics), new KeyValuePair<string, object?>("grain_type", c.GrainType)));

    private IEnumerable<Measurement<long>> MailboxDepths() =>
        _runtime.Directory.All().GroupBy(a => a.GrainClass.GrainType)
            .Select(g => new Measurement<long>(g.Sum(a => (long)a.MailboxDepth), new KeyValuePair<string, object?>("grain_type", g.Key)));

    private IEnumerable<Measurement<T>> PerMethod<T>(Func<MethodStatistics, T> value) where T : struct =>
        _runtime.Registry.Classes.SelectMany(c => c.Statistics.Methods).Select(m => new Measurement<T>(value(m),
            new KeyValuePair<string, object?>("grain_type", m.GrainType),
            new KeyValuePair<string, object?>("method", $"{m.InterfaceName}.{m.MethodName}")));

    public void Dispose() => _meter.Dispose();
}
