namespace SupplyGrid.Simulator;

/// <summary>Local wall-clock time to UTC in a city's zone, defined for every wall-clock time.</summary>
internal static class CityTime
{
    /// <summary>
    /// A time in the spring-forward gap (which no clock showed) is read as the same minute one hour later; a time in
    /// the repeated autumn hour is read as standard time, as <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> does.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).DateTime;
}
