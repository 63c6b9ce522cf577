using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Postgres.History;
using SupplyGrid.Postgres.Tests.History;

namespace SupplyGrid.Postgres.Tests.Cluster;

public interface IProfileGrain : IGrainWithStringKey
{
    Task Save(string name);

    Task<string?> Name();

    Task<string?> Etag();

    Task Clear();
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

    public Task Clear() => profile.ClearStateAsync();
}

public interface INoteGrain : IGrainWithStringKey
{
    Task Save(string text);
}

/// <summary>A grain whose state goes to the provider registered by name as "archive".</summary>
public sealed class NoteGrain([PersistentState("note", ClusterFixture.ArchiveStorage)] IPersistentState<NoteGrain.NoteState> note) : Grain, INoteGrain
{
    public sealed class NoteState
    {
        public string? NoteText { get; set; }
    }

    public Task Save(string text)
    {
        note.State.NoteText = text;
        return note.WriteStateAsync();
    }
}

public interface IWakeUpGrain : IGrainWithStringKey
{
    Task Schedule(string reminder, TimeSpan due, TimeSpan period);

    Task Cancel(string reminder);
}

/// <summary>Records every reminder tick it receives in the <see cref="ReminderLog"/>.</summary>
public sealed class WakeUpGrain(ReminderLog log) : Grain, IWakeUpGrain, IRemindable
{
    public Task Schedule(string reminder, TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(reminder, due, period);

    public async Task Cancel(string reminder)
    {
        if (await this.GetReminder(reminder) is { } registered)
            await this.UnregisterReminder(registered);
    }

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

public interface IFarewellGrain : IGrainWithStringKey
{
    Task Hello();
}

/// <summary>Records a ledger row as it deactivates: what a grain does when the silo stops under it.</summary>
public sealed class FarewellGrain(IHistoryWriter<LedgerRow> ledger) : Grain, IFarewellGrain
{
    public Task Hello() => Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await ledger.EnqueueAsync(new LedgerRow("farewell", this.GetPrimaryKeyString(), 1m), cancellationToken);
    }
}
