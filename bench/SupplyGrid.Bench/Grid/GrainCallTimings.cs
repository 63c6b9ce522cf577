using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// <c>--diagnostics</c>: an incoming grain call filter that times every call by interface and method, from the start
/// of its turn to its completion (awaits on other grains included, mailbox wait not). Costs a dictionary lookup and a
/// histogram increment per call, so it is off unless asked for.
/// </summary>
internal sealed class GrainCallTimings : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Interface, string Method), LatencyHistogram> _byMethod = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            _byMethod.GetOrAdd((context.InterfaceName, context.MethodName), static _ => new LatencyHistogram()).RecordSince(started);
        }
    }

    /// <summary>Calls, p50 and p99 per method, busiest first.</summary>
    public void WriteTo(TextWriter writer)
    {
        foreach (var ((type, method), histogram) in _byMethod.OrderByDescending(e => e.Value.Count))
        {
            var counts = histogram.CopyCounts();
            writer.WriteLine(
                $"{type}.{method,-26} calls {counts.Sum(),10} p50 {LatencyHistogram.Percentile(counts, 0.5).TotalMicroseconds,10:0} us p99 {LatencyHistogram.Percentile(counts, 0.99).TotalMicroseconds,10:0} us");
        }
    }
}
