namespace SupplyGrid.Runtime.Metrics;

/// <summary>Counters of one grain method on one grain type: calls, failures, and latency from send to completion.</summary>
public sealed class MethodStatistics(string grainType, string interfaceName, string methodName)
{
    private readonly StripedCounter _calls = new();
    private readonly StripedCounter _failures = new();

    public string GrainType { get; } = grainType;

    public string InterfaceName { get; } = interfaceName;

    public string MethodName { get; } = methodName;

    public long Calls => _calls.Sum();

    public long Failures => _failures.Sum();

    public LatencyHistogram Latency { get; } = new();

    internal void Record(bool failed, double microseconds)
    {
        _calls.Increment();
        if (failed)
            _failures.Increment();
        Latency.Record(microseconds);
    }
}
