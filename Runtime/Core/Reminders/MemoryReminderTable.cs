using System.Collections.Concurrent;
using System.Globalization;

namespace SupplyGrid.Runtime.Reminders;

/// <summary>
/// Reminders kept in this process: durable across deactivations and (when the same instance is handed to a new
/// silo, as the test host does) across silo restarts, but not across process restarts. Use the PostgreSQL table for that.
/// </summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ReminderEntry> _rows = new();
    private long _version;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.ToArray());

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.Where(r => r.GrainId == grainId).ToArray());

    public Task<ReminderEntry> UpsertRowAsync(GrainId grainId, string reminderName, DateTime startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        var entry = new ReminderEntry(grainId, reminderName, startAt, period, etag);
        _rows[(grainId, reminderName)] = entry;
        return Task.FromResult(entry);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryRemove((grainId, reminderName), out _));
}
