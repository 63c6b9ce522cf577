using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Reminders;

/// <summary>
/// Durable reminders: rows live in the <see cref="IReminderTable"/>, this silo keeps one timer per row, and each
/// tick is delivered as a message to the grain, activating it if needed (mirrors Orleans' local reminder service).
/// </summary>
internal sealed class ReminderService(GridRuntime runtime, IReminderTable table, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
    : IReminderRegistry, IAsyncDisposable
{
    private static readonly GrainMethod ReceiveReminderMethod = new("[reminder]", nameof(IRemindable.ReceiveReminder), GrainMethodOptions.System);
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = new();

    private TimeProvider Clock => runtime.TimeProvider;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken);
        foreach (var entry in await table.ReadAllAsync(cancellationToken))
            Schedule(entry);
        logger.LogInformation("Reminder service started with {Count} reminders", _scheduled.Count);
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (dueTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time must be zero or positive.");
        if (period < options.Value.MinimumPeriod)
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder's period must be at least {options.Value.MinimumPeriod} (Grid:Reminders:MinimumPeriod).");
        var startAt = runtime.TimeProvider.GetUtcNow().UtcDateTime + dueTime;
        var entry = await table.UpsertRowAsync(callingGrainId, reminderName, startAt, period, runtime.Stopping);
        Schedule(entry);
        return new ReminderHandle(reminderName);
    }

    public async Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder)
    {
        if (_scheduled.TryRemove((callingGrainId, reminder.ReminderName), out var scheduled))
            scheduled.Dispose();
        await table.RemoveRowAsync(callingGrainId, reminder.ReminderName, runtime.Stopping);
    }

    public async Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName)
    {
        var rows = await table.ReadRowsAsync(callingGrainId, runtime.Stopping);
        return rows.Any(r => r.ReminderName == reminderName) ? new ReminderHandle(reminderName) : null;
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId callingGrainId)
    {
        var rows = await table.ReadRowsAsync(callingGrainId, runtime.Stopping);
        return rows.Select(r => (IGrainReminder)new ReminderHandle(r.ReminderName)).ToArray();
    }

    /// <summary>Reminders this silo is ticking (for the operator dashboard).</summary>
    public IReadOnlyCollection<ReminderEntry> Scheduled => _scheduled.Values.Select(s => s.Entry).ToArray();

    private void Schedule(ReminderEntry entry)
    {
        var scheduled = new ScheduledReminder(this, entry);
        if (_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var previous))
            previous.Dispose();
        _scheduled[(entry.GrainId, entry.ReminderName)] = scheduled;
        scheduled.Start();
    }

    private void Deliver(ReminderEntry entry)
    {
        var now = runtime.TimeProvider.GetUtcNow().UtcDateTime;
        runtime.Send(entry.GrainId, new ReminderMessage(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, now), logger, entry.GrainId));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var scheduled in _scheduled.Values)
            scheduled.Dispose();
        _scheduled.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed record ReminderHandle(string ReminderName) : IGrainReminder;

    /// <summary>The local timer of one reminder row: first tick at StartAt (or the next period boundary after it), then every period.</summary>
    private sealed class ScheduledReminder(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private ITimer? _timer;

        public ReminderEntry Entry => entry;

        public void Start()
        {
            var now = service.Clock.GetUtcNow().UtcDateTime;
            var due = entry.StartAt - now;
            if (due < TimeSpan.Zero)
            {
                // Missed ticks (the silo was down) are not replayed; the next one is on the period's grid.
                var missed = Math.Ceiling(-due.Ticks / (double)entry.Period.Ticks);
                due = entry.StartAt + TimeSpan.FromTicks((long)(missed * entry.Period.Ticks)) - now;
            }

            _timer = service.Clock.CreateTimer(static s => ((ScheduledReminder)s!).Tick(), this, due, entry.Period);
        }

        private void Tick() => service.Deliver(entry);

        public void Dispose() => _timer?.Dispose();
    }

    private sealed class ReminderMessage(string name, TickStatus status, ILogger logger, GrainId grainId) : RuntimeMessage(ReceiveReminderMethod)
    {
        protected override ValueTask<VoidResult> InvokeAsync(object grain) => grain is IRemindable remindable
            ? VoidResult.From(remindable.ReceiveReminder(name, status))
            : throw new InvalidOperationException($"Grain {grainId} has reminder '{name}' but does not implement {nameof(IRemindable)}.");

        protected override void OnCompleted(Exception? error)
        {
            if (error is not null)
                logger.LogError(error, "Reminder {Reminder} of grain {GrainId} failed", name, grainId);
        }
    }
}
