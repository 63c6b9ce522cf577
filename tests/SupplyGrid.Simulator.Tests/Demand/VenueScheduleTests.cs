using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Demand;

public class VenueScheduleTests
{
    private static readonly Venue Stadium = new("Stadium", new LatLng(1.30, 103.87), 0.5, TimeSpan.FromHours(19.5), TimeSpan.FromHours(3));
    private static readonly DateTime Day = new(2026, 11, 23);

    [Fact]
    public void Arrivals_are_even_over_the_90_minutes_before_the_start()
    {
        Assert.Equal(1.0, VenueSchedule.ArrivalShare(Stadium, Day, Day.AddDays(1)), 9);
        Assert.Equal(0.5, VenueSchedule.ArrivalShare(Stadium, Day.AddHours(18), Day.AddHours(18.75)), 9);
        Assert.Equal(0.0, VenueSchedule.ArrivalShare(Stadium, Day.AddHours(19.5), Day.AddHours(23)), 9);
    }

    [Fact]
    public void Departures_rise_to_a_peak_15_minutes_after_the_end_and_stop_an_hour_after_it()
    {
        var end = Day.AddHours(22.5);
        Assert.Equal(1.0, VenueSchedule.DepartureShare(Stadium, Day, Day.AddDays(1)), 9);
        // Triangle from -10 to +60 min peaking at +15: the share before the peak is 25/70.
        Assert.Equal(25.0 / 70, VenueSchedule.DepartureShare(Stadium, end.AddMinutes(-10), end.AddMinutes(15)), 9);
        Assert.Equal(0.0, VenueSchedule.DepartureShare(Stadium, end.AddMinutes(60), end.AddHours(3)), 9);
        double atPeak = VenueSchedule.DepartureShare(Stadium, end.AddMinutes(14), end.AddMinutes(16));
        double early = VenueSchedule.DepartureShare(Stadium, end.AddMinutes(-5), end.AddMinutes(-3));
        Assert.True(atPeak > 3 * early);
    }

    [Fact]
    public void An_event_on_other_days_only_has_no_crowd_today()
    {
        var weekly = new Venue("Hall", Stadium.Location, 0.5, TimeSpan.FromHours(20), TimeSpan.FromHours(2), [DayOfWeek.Saturday]);

        Assert.Equal(DayOfWeek.Monday, Day.DayOfWeek);
        Assert.Equal(0.0, VenueSchedule.DepartureShare(weekly, Day, Day.AddDays(1)), 9);
        Assert.Equal(1.0, VenueSchedule.DepartureShare(weekly, Day.AddDays(5), Day.AddDays(6)), 9);
    }
}
