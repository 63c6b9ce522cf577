using Microsoft.Extensions.DependencyInjection;

namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>A grain with a reminder that records the clock's time at each tick.</summary>
public interface IAlarmGrain : IGrainWithStringKey
{
    Task Set(TimeSpan period);

    Task<IReadOnlyList<DateTimeOffset>> Rings();
}

public sealed class AlarmGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time, AlarmLog log) : Grain, IAlarmGrain, IRemindable
{
    public async Task Set(TimeSpan period) => await this.RegisterOrUpdateReminder("alarm", period, period);

    public Task<IReadOnlyList<DateTimeOffset>> Rings() => Task.FromResult(log.Rings(this.GetPrimaryKeyString()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A tick that takes a moment of wall-clock time.
        await Task.Delay(TimeSpan.FromMilliseconds(5));
        log.Ring(this.GetPrimaryKeyString(), time.GetUtcNow());
    }
}

/// <summary>Kept outside the grain so that rings survive the grain's deactivation.</summary>
public sealed class AlarmLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _rings = [];

    public void Ring(string alarm, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_rings.TryGetValue(alarm, out var rings))
                _rings[alarm] = rings = [];
            rings.Add(at);
        }
    }

    public IReadOnlyList<DateTimeOffset> Rings(string alarm)
    {
        lock (_lock)
            return _rings.TryGetValue(alarm, out var rings) ? rings.ToArray() : [];
    }
}
