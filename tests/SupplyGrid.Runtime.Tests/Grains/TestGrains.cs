using SupplyGrid.Runtime.Concurrency;
using SupplyGrid.Runtime.Reminders;
using SupplyGrid.Runtime.Timers;

namespace SupplyGrid.Runtime.Tests.Grains;

public sealed class CounterGrain(Probe probe) : Grain, ICounterGrain
{
    private readonly Guid _instance = Guid.NewGuid();
    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_count);

    public ValueTask<int> Get() => ValueTask.FromResult(_count);

    public Task Reset()
    {
        _count = 0;
        return Task.CompletedTask;
    }

    public async ValueTask Add(int amount)
    {
        await Task.Yield();
        _count += amount;
    }

    public Task<string> Key() => Task.FromResult(this.GetPrimaryKeyString());

    public Task<Guid> InstanceId() => Task.FromResult(_instance);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveFor(TimeSpan span)
    {
        DelayDeactivation(span);
        return Task.CompletedTask;
    }
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> Key() => Task.FromResult(this.GetPrimaryKey());
}

public sealed class LongKeyGrain : Grain, ILongKeyGrain
{
    public Task<long> Key() => Task.FromResult(this.GetPrimaryKeyLong());
}

public sealed class SchedulingGrain(Probe probe) : Grain, ISchedulingGrain
{
    private int _concurrent;
    private int _max;

    public async Task Work(int delayMs)
    {
        Enter();
        await Task.Delay(delayMs);
        _concurrent--;
    }

    public Task ReadWork(int delayMs) => Work(delayMs);

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public async Task Block(string gate)
    {
        Enter();
        await probe.Gate(gate);
        _concurrent--;
    }

    public Task<string> Interleaved() => Task.FromResult("interleaved");

    public Task<string> NotInterleaved() => Task.FromResult("not interleaved");

    public async Task<bool> ContinuationsStayOnActivation()
    {
        var context = SynchronizationContext.Current;
        var grainContext = RuntimeContext.Current;
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1);
            if (SynchronizationContext.Current != context || RuntimeContext.Current != grainContext || grainContext != GrainContext)
                return false;
        }

        return context is not null;
    }

    public async Task OneWayBlock(string gate)
    {
        await probe.Gate(gate);
        probe.Record("one-way done");
    }

    public async Task Throw(string message)
    {
        await Task.Yield();
        throw new InvalidTimeZoneException(message);
    }

    public Task ThrowSynchronously(string message) => throw new ArgumentOutOfRangeException(nameof(message), message);

    public Task BlockWithShortTimeout(string gate) => probe.Gate(gate);

    private void Enter()
    {
        _concurrent++;
        _max = Math.Max(_max, _concurrent);
    }
}

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private int _concurrent;
    private int _max;

    public async Task Work(int delayMs)
    {
        _concurrent++;
        _max = Math.Max(_max, _concurrent);
        await Task.Delay(delayMs);
        _concurrent--;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task Ping(string other) => GrainFactory.GetGrain<ICycleGrain>(other).Pong(this.GetPrimaryKeyString());

    public Task Pong(string caller) => GrainFactory.GetGrain<ICycleGrain>(caller).Noop();

    public Task Noop() => Task.CompletedTask;
}

[StatelessWorker(2)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    private readonly Guid _instance = Guid.NewGuid();

    public async Task<Guid> BlockAndReport(string gate)
    {
        probe.Record("worker started");
        await probe.Gate(gate);
        return _instance;
    }
}

/// <summary>Three states created in the constructor through the factory, as a ledger split into partitions would.</summary>
public sealed class PartitionedGrain : Grain, IPartitionedGrain
{
    public const int Partitions = 3;
    private readonly IPersistentStateFactory _factory;
    private readonly IPersistentState<Counter>[] _partitions;

    public PartitionedGrain(IPersistentStateFactory factory)
    {
        _factory = factory;
        _partitions = new IPersistentState<Counter>[Partitions];
        for (var i = 0; i < Partitions; i++)
            _partitions[i] = factory.Create<Counter>(GrainContext, new PersistentStateConfiguration($"part-{i}"));
    }

    public sealed class Counter
    {
        public int Total { get; set; }
    }

    public Task Add(int partition, int amount)
    {
        _partitions[partition].State.Total += amount;
        return _partitions[partition].WriteStateAsync();
    }

    public Task<int[]> Totals() => Task.FromResult(_partitions.Select(p => p.State.Total).ToArray());

    public Task CreateLateState()
    {
        _factory.Create<Counter>(GrainContext, new PersistentStateConfiguration("late"));
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class StatefulGrain([PersistentState("profile")] IPersistentState<StatefulGrain.Profile> state, Probe probe) : Grain, IStatefulGrain
{
    public sealed class Profile
    {
        public string? Value { get; set; }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activated with:{state.State.Value}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown && state.State.Value is { } value)
        {
            state.State.Value = value + " (saved at shutdown)";
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task SetAndWrite(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task SetWithoutWriting(string value)
    {
        state.State.Value = value;
        return Task.CompletedTask;
    }

    public Task<string?> Value() => Task.FromResult(state.State.Value);

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);

    public Task<string?> Etag() => Task.FromResult(state.Etag);

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _concurrent;
    private int _max;

    public Task Start(TimeSpan period, bool interleave, bool keepAlive, string? gate)
    {
        _timer = RegisterGrainTimer(async ct =>
        {
            _concurrent++;
            _max = Math.Max(_max, _concurrent);
            _ticks++;
            probe.Record($"tick:{this.GetPrimaryKeyString()}");
            if (gate is not null)
                await probe.Gate($"{gate}:{_ticks}");
            _concurrent--;
        }, new GrainTimerCreationOptions(period, period) { Interleave = interleave, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task<int> MaxConcurrentTicks() => Task.FromResult(_max);

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task Block(string gate) => probe.Gate(gate);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task Register(string name, TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(name, due, period);

    public async Task Unregister(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"no reminder {name}");
        await this.UnregisterReminder(reminder);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"reminder:{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
