using System.Collections.Concurrent;
using SupplyGrid.Runtime.Reminders;

namespace SupplyGrid.Runtime.Postgres.Tests.Grains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task Save(string name);

    Task<string?> Name();

    Task<string?> Etag();
}

/// <summary>A grain whose state goes to the provider registered as "Default".</summary>
public sealed class ProfileGrain([PersistentState("profile")] IPersistentState<ProfileGrain.ProfileState> profile) : Grain, IProfileGrain
{
    public sealed class ProfileState
    {
        public string? Name { get; set; }
    }

    public Task Save(string name)
    {
        profile.State.Name = name;
        return profile.WriteStateAsync();
    }

    public Task<string?> Name() => Task.FromResult(profile.State.Name);

    public Task<string?> Etag() => Task.FromResult(profile.Etag);
}

public interface IWakeUpGrain : IGrainWithStringKey
{
    Task Schedule(string reminder, TimeSpan due, TimeSpan period);
}

/// <summary>Records every reminder tick it receives in <see cref="Ticks"/>.</summary>
public sealed class WakeUpGrain(ReminderLog log) : Grain, IWakeUpGrain, IRemindable
{
    public Task Schedule(string reminder, TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(reminder, due, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Ticks.Enqueue($"{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}

/// <summary>Shared by every silo incarnation of a test, so ticks are seen across restarts.</summary>
public sealed class ReminderLog
{
    public ConcurrentQueue<string> Ticks { get; } = new();
}
