namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Answers "what rush-hour multiplier applies at this local time?". Where windows overlap the largest
/// multiplier wins (they describe the same crowd, so multiplying them would double-count it); outside every
/// window the multiplier is 1.
/// </summary>
public sealed class RushHourCalendar
{
    private const int AllDays = 0b111_1111;

    private readonly Window[] _windows;

    public RushHourCalendar(IReadOnlyList<RushHourWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _windows = new Window[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i] ?? throw new ArgumentNullException($"{nameof(windows)}[{i}]");
            window.Validate($"{nameof(SurgeOptions.RushHours)}[{i}]");
            var days = 0;
            foreach (var day in window.Days)
            {
                days |= 1 << (int)day;
            }

            _windows[i] = new Window(window.Start, window.End, days == 0 ? AllDays : days, window.Multiplier);
        }
    }

    /// <summary>The multiplier at <paramref name="localTime"/> (the city's wall-clock time).</summary>
    public double MultiplierAt(DateTime localTime)
    {
        var result = 1.0;
        foreach (var window in _windows)
        {
            if (window.Covers(localTime) && window.Multiplier > result)
            {
                result = window.Multiplier;
            }
        }

        return result;
    }

    private readonly record struct Window(TimeSpan Start, TimeSpan End, int Days, double Multiplier)
    {
        public bool Covers(DateTime local)
        {
            var time = local.TimeOfDay;
            if (Start < End)
            {
                return time >= Start && time < End && OpensOn(local.DayOfWeek);
            }

            // Runs past midnight: the evening part belongs to today, the early-morning part to yesterday's window.
            var yesterday = (DayOfWeek)(((int)local.DayOfWeek + 6) % 7);
            return (time >= Start && OpensOn(local.DayOfWeek)) || (time < End && OpensOn(yesterday));
        }

        private bool OpensOn(DayOfWeek day) => (Days & (1 << (int)day)) != 0;
    }
}
