using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;
using SupplyGrid.Bench.Support;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// <c>--diagnostics</c>: grain call filters that time every incoming call by interface and method, from the start of
/// its turn to its completion (awaits on other grains included, mailbox wait not), and count outgoing calls by the
/// calling grain's type (or "client" outside a grain) and the method called. A dictionary lookup and a histogram
/// increment per call, so they are off unless asked for.
/// </summary>
internal sealed class GrainCallTimings : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Interface, string Method), LatencyHistogram> _byMethod = new();
    private readonly ConcurrentDictionary<(string Caller, string Interface, string Method), long[]> _calls = new();

    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
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

    Task IOutgoingGrainCallFilter.Invoke(IOutgoingGrainCallContext context)
    {
        var caller = context.SourceId is { } source ? source.Type.ToString() : "client";
        Interlocked.Increment(ref _calls.GetOrAdd((caller!, context.InterfaceName, context.MethodName), static _ => new long[1])[0]);
        return context.Invoke();
    }

    /// <summary>Calls, p50 and p99 per method, busiest first; then outgoing calls by caller.</summary>
    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine("incoming calls (turn start to completion):");
        foreach (var ((type, method), histogram) in _byMethod.OrderByDescending(e => e.Value.Count))
        {
            var counts = histogram.CopyCounts();
            writer.WriteLine(
                $"  {type}.{method,-26} calls {counts.Sum(),10} p50 {LatencyHistogram.Percentile(counts, 0.5).TotalMicroseconds,10:0} us p99 {LatencyHistogram.Percentile(counts, 0.99).TotalMicroseconds,10:0} us");
        }

        writer.WriteLine("outgoing calls by caller:");
        foreach (var ((caller, type, method), count) in _calls.OrderByDescending(e => e.Value[0]))
            writer.WriteLine($"  {caller,-16} -> {type}.{method,-26} {count[0],10}");
    }
}
