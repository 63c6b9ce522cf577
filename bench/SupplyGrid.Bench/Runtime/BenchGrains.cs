using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Concurrency;

namespace SupplyGrid.Bench.Runtime;

public interface IBenchGrain : IGrainWithIntegerKey
{
    ValueTask<int> Call(int value);

    /// <param name="sentAt">Stopwatch timestamp of the send for sampled messages (else 0), for the send-to-handle latency.</param>
    [OneWay]
    ValueTask Tell(long sentAt);
}

/// <summary>A grain doing the least real work: keeps a running sum; one-way messages report their latency.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _sum;

    public ValueTask<int> Call(int value)
    {
        _sum += value;
        return ValueTask.FromResult(_sum);
    }

    public ValueTask Tell(long sentAt)
    {
        _sum++;
        OneWayScenario.OnHandled(sentAt);
        return ValueTask.CompletedTask;
    }
}

public interface ISmallGrain : IGrainWithIntegerKey
{
    ValueTask<int> Touch();
}

/// <summary>A small grain for the memory measurement: 16 bytes of state.</summary>
public sealed class SmallGrain : Grain, ISmallGrain
{
    private long _a;
    private long _b;

    public ValueTask<int> Touch()
    {
        _a++;
        _b += 2;
        return ValueTask.FromResult((int)(_a + _b));
    }
}
