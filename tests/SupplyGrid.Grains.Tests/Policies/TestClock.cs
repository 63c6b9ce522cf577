namespace SupplyGrid.Grains.Tests.Policies;

/// <summary>Fixed instants and zones for policy tests (a custom UTC+8 zone, so no tz database is needed).</summary>
internal static class TestClock
{
    public static readonly TimeZoneInfo Singapore =
        TimeZoneInfo.CreateCustomTimeZone("Test/Singapore", TimeSpan.FromHours(8), "Singapore (UTC+8)", "SGT");

    /// <summary>Monday 23 November 2026, 00:00 UTC (08:00 in Singapore).</summary>
    public static readonly DateTimeOffset MondayMidnightUtc = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
}
