using System.Diagnostics;
using System.Globalization;

namespace SupplyGrid.Lockstep;

/// <summary>
/// One piece of work in flight. The description is assembled only when someone reads it (a failed wait), so that
/// tracking a call costs an object and no formatting.
/// </summary>
internal sealed class InFlightItem(long id, InFlightKind kind, object? subject, string? detail, object? owner)
{
    public long Id { get; } = id;

    public InFlightKind Kind { get; } = kind;

    /// <summary>What the work concerns: the target grain of a call, the timer, the reminder's grain.</summary>
    public object? Subject { get; } = subject;

    /// <summary>The method of a call, the reminder's name and state.</summary>
    public string? Detail { get; } = detail;

    /// <summary>Who began it (a silo), so that a silo that stops takes its leftovers with it.</summary>
    public object? Owner { get; } = owner;

    public long StartedAt { get; } = Stopwatch.GetTimestamp();

    public TimeSpan Age => Stopwatch.GetElapsedTime(StartedAt);

    public override string ToString()
    {
        var what = Kind switch
        {
            InFlightKind.Call => $"call {Detail} to {Subject}, waiting for its response",
            InFlightKind.OneWayCall => $"one-way call {Detail} to {Subject}, not handled yet",
            InFlightKind.Running => $"{Detail} running on {Subject}",
            InFlightKind.TimerTick => $"timer tick of {Subject}, fired and not finished",
            InFlightKind.ImmediateTimerTick => $"timer tick of {Subject}, due at once and not started",
            InFlightKind.Reminder => $"reminder {Detail} of {Subject}",
            InFlightKind.Deactivation => $"deactivation of {Subject}",
            _ => Detail ?? Subject?.ToString() ?? "work",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} (for {Age.TotalSeconds:0.0} s)");
    }
}
