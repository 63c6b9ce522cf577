namespace SupplyGrid.Runtime.Reminders;

/// <summary>A grain that receives durable reminders (mirrors <c>Orleans.IRemindable</c>).</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>The tick being delivered: when it was due, and the reminder's period.</summary>
public readonly record struct TickStatus(DateTime FirstTickTime, TimeSpan Period, DateTime CurrentTickTime);

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}

/// <summary>One durable reminder row.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTime StartAt, TimeSpan Period, string ETag);

/// <summary>
/// Durable storage of reminders. Implementations: memory (tests, default run) and PostgreSQL.
/// </summary>
public interface IReminderTable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the row and returns it with its new etag.</summary>
    Task<ReminderEntry> UpsertRowAsync(GrainId grainId, string reminderName, DateTime startAt, TimeSpan period, CancellationToken cancellationToken);

    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);
}
