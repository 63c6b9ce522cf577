using SupplyGrid.Runtime.Concurrency;

namespace SupplyGrid.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    ValueTask<int> Get();

    Task Reset();

    ValueTask Add(int amount);

    Task<string> Key();

    Task<Guid> InstanceId();

    Task Deactivate();

    Task KeepAliveFor(TimeSpan span);
}

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public interface ILongKeyGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

/// <summary>Probes the scheduler: how many turns overlap, and whether continuations stay on the activation.</summary>
public interface ISchedulingGrain : IGrainWithStringKey
{
    Task Work(int delayMs);

    [ReadOnly]
    Task ReadWork(int delayMs);

    Task<int> MaxConcurrency();

    /// <summary>Awaits the gate named <paramref name="gate"/> (released by the test through <see cref="Gates"/>).</summary>
    Task Block(string gate);

    [AlwaysInterleave]
    Task<string> Interleaved();

    Task<string> NotInterleaved();

    Task<bool> ContinuationsStayOnActivation();

    [OneWay]
    Task OneWayBlock(string gate);

    Task Throw(string message);

    Task ThrowSynchronously(string message);

    [ResponseTimeout("00:00:02")]
    Task BlockWithShortTimeout(string gate);
}

public interface IReentrantGrain : IGrainWithStringKey
{
    Task Work(int delayMs);

    Task<int> MaxConcurrency();
}

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="other"/>.Pong, which calls back into this grain.</summary>
    Task Ping(string other);

    Task Pong(string caller);

    Task Noop();
}

public interface IWorkerGrain : IGrainWithStringKey
{
    Task<Guid> BlockAndReport(string gate);
}

public interface IPartitionedGrain : IGrainWithStringKey
{
    /// <summary>Adds to one partition and writes only that one.</summary>
    Task Add(int partition, int amount);

    Task<int[]> Totals();

    /// <summary>Tries to create another state now, after construction.</summary>
    Task CreateLateState();

    Task Deactivate();
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task SetAndWrite(string value);

    Task SetWithoutWriting(string value);

    Task<string?> Value();

    Task<bool> RecordExists();

    Task<string?> Etag();

    Task Clear();

    Task Deactivate();
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period, bool interleave, bool keepAlive, string? gate);

    Task<int> Ticks();

    Task<int> MaxConcurrentTicks();

    Task StopTimer();

    Task Block(string gate);
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan due, TimeSpan period);

    Task Unregister(string name);

    Task Deactivate();
}
