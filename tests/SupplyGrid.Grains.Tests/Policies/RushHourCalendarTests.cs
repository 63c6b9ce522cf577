using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class RushHourCalendarTests
{
    private static readonly DateTime Monday = new(2026, 11, 23);

    private readonly RushHourCalendar _calendar = new(
    [
        new RushHourWindow { Start = new(7, 0, 0), End = new(9, 30, 0), Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], Multiplier = 1.2 },
        new RushHourWindow { Start = new(8, 0, 0), End = new(9, 0, 0), Multiplier = 1.3 }, // every day
        new RushHourWindow { Start = new(22, 0, 0), End = new(2, 0, 0), Days = [DayOfWeek.Saturday], Multiplier = 1.4 }, // Saturday night
    ]);

    [Theory]
    [InlineData(0, "06:59", 1.0)] // Monday before the window
    [InlineData(0, "07:00", 1.2)] // start is inclusive
    [InlineData(0, "08:30", 1.3)] // overlap: the larger multiplier, not the product
    [InlineData(0, "09:29", 1.2)]
    [InlineData(0, "09:30", 1.0)] // end is exclusive
    [InlineData(5, "07:30", 1.0)] // Saturday: the weekday window is closed
    [InlineData(5, "08:30", 1.3)] // ...the every-day one is open
    [InlineData(5, "23:00", 1.4)] // Saturday night
    [InlineData(6, "01:59", 1.4)] // ...running into Sunday
    [InlineData(6, "02:00", 1.0)]
    [InlineData(6, "23:00", 1.0)] // Sunday night is not Saturday night
    [InlineData(0, "01:00", 1.0)] // nor is Monday's early morning
    public void Multiplier_at_local_time(int daysAfterMonday, string time, double expected)
    {
        var local = Monday.AddDays(daysAfterMonday) + TimeSpan.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, _calendar.MultiplierAt(local));
    }
}
