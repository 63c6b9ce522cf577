namespace SupplyGrid.Grains.Policies;

/// <summary>A 15-minute slot of the local week: day of week and slot of day (0 = 00:00-00:15 ... 95 = 23:45-24:00).</summary>
public readonly record struct ForecastSlot
{
    public const int SlotsPerDay = 96;

    public const int SlotsPerWeek = 7 * SlotsPerDay;

    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public ForecastSlot(DayOfWeek day, int slotOfDay)
    {
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{nameof(day)} must be a day of the week.");
        }

        Guard.InRange(slotOfDay, 0, SlotsPerDay - 1);
        Day = day;
        SlotOfDay = slotOfDay;
    }

    public DayOfWeek Day { get; }

    public int SlotOfDay { get; }

    /// <summary>Position in the week, Sunday 00:00 = 0 (the layout of <see cref="DemandForecastState"/>).</summary>
    public int Index => (int)Day * SlotsPerDay + SlotOfDay;

    /// <summary>Local time of day the slot starts.</summary>
    public TimeSpan Start => SlotOfDay * Length;

    /// <summary>The slot after this one (Saturday 23:45 is followed by Sunday 00:00).</summary>
    public ForecastSlot Next() => SlotOfDay < SlotsPerDay - 1
        ? new ForecastSlot(Day, SlotOfDay + 1)
        : new ForecastSlot((DayOfWeek)(((int)Day + 1) % 7), 0);

    /// <summary>The slot containing a wall-clock time of the city.</summary>
    public static ForecastSlot FromLocal(DateTime localTime) =>
        new(localTime.DayOfWeek, (int)(localTime.TimeOfDay.Ticks / Length.Ticks));

    /// <summary>The slot containing an instant, in the city's time zone.</summary>
    public static ForecastSlot FromInstant(DateTimeOffset instant, TimeZoneInfo cityTimeZone)
    {
        ArgumentNullException.ThrowIfNull(cityTimeZone);
        return FromLocal(TimeZoneInfo.ConvertTime(instant, cityTimeZone).DateTime);
    }
}
