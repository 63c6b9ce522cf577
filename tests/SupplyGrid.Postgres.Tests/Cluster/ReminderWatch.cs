using System.Collections.Concurrent;
using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;

namespace SupplyGrid.Postgres.Tests.Cluster;

/// <summary>
/// Watches Orleans' reminder events for the moment a silo has armed the wait for a reminder's next tick: only then
/// does advancing the fake clock past the tick fire it. Subscribe before the reminder is registered or loaded.
/// </summary>
internal sealed class ReminderWatch : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly ConcurrentDictionary<(GrainId, string), TaskCompletionSource> _armed = new();
    private readonly IDisposable _subscription;

    public ReminderWatch() => _subscription = ReminderEvents.AllEvents.Subscribe(this);

    /// <summary>Completes when a silo has armed the wait for the next tick of the reminder; fails loudly after the deadline.</summary>
    public async Task ArmedAsync(GrainId grain, string reminder, double seconds = 30)
    {
        try
        {
            await Armed(grain, reminder).Task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for a silo to arm reminder '{reminder}' of {grain}.");
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is ReminderEvents.LocalReminderTickWaitArmed)
            Armed(value.GrainId, value.ReminderName).TrySetResult();
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();

    private TaskCompletionSource Armed(GrainId grain, string reminder) =>
        _armed.GetOrAdd((grain, reminder), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
