namespace SupplyGrid.Grains.Policies;

/// <summary>What a prediction rests on, most specific last.</summary>
public enum ForecastBasis
{
    /// <summary>Nothing observed yet: the prediction is 0 and should not be trusted.</summary>
    None,

    /// <summary>This time of day has never been seen on any day: the cell's overall level.</summary>
    CellLevel,

    /// <summary>Seen at this time on other days, never on this day of the week.</summary>
    TimeOfDay,

    /// <summary>Seen on this day of the week at this time (shrunk toward the time-of-day mean).</summary>
    DayAndTime,
}
