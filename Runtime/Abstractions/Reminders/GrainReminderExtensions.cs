namespace SupplyGrid.Runtime.Reminders;

/// <summary>The runtime service behind the reminder extension methods.</summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId callingGrainId);
}

/// <summary>Reminder methods on grains (mirrors Orleans' <c>GrainReminderExtensions</c>).</summary>
public static class GrainReminderExtensions
{
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (grain is not IRemindable)
            throw new InvalidOperationException($"Grain {grain.GrainId} must implement {nameof(IRemindable)} to use reminders.");
        return Registry(grain).RegisterOrUpdateReminder(grain.GrainId, reminderName, dueTime, period);
    }

    public static Task UnregisterReminder(this Grain grain, IGrainReminder reminder) =>
        Registry(grain).UnregisterReminder(grain.GrainId, reminder);

    public static Task<IGrainReminder?> GetReminder(this Grain grain, string reminderName) =>
        Registry(grain).GetReminder(grain.GrainId, reminderName);

    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this Grain grain) =>
        Registry(grain).GetReminders(grain.GrainId);

    private static IReminderRegistry Registry(Grain grain) =>
        grain.GrainContext.ActivationServices.GetService(typeof(IReminderRegistry)) as IReminderRegistry
        ?? throw new InvalidOperationException("No reminder service is registered: add the grid with reminders enabled.");
}
