namespace SupplyGrid.Runtime.Metrics;

/// <summary>Counters of one grain method on one grain type: calls, failures, and latency from send to completion.</summary>
public sealed class MethodStatistics(string grainType, string interfaceName, string methodName)
{
    private long _calls;
    private long _failures;

    public string GrainType { get; } = grainType;

    public string InterfaceName { get; } = interfaceName;

    public string MethodName { get; } = methodName;

    public long Calls => Volatile.Read(ref _calls);

    public long Failures => Volatile.Read(ref _failures);

    public LatencyHistogram Latency { get; } = new();

    internal void Record(bool failed, double microseconds)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
            Interlocked.Increment(ref _failures);
        Latency.Record(microseconds);
    }
}
