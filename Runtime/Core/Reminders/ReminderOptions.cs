namespace SupplyGrid.Runtime.Reminders;

/// <summary>Reminder settings (configuration section "Grid:Reminders").</summary>
public sealed class ReminderOptions
{
    /// <summary>Shortest period a reminder may have (Orleans' default: 1 minute). Reminders are for coarse, durable schedules; use timers for fast ones.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
