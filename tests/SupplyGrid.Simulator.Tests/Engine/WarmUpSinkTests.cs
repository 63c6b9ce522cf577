using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests;

public class WarmUpSinkTests
{
    [Fact]
    public void Before_going_live_only_recent_bookings_pass_and_each_drivers_latest_performance_follows_at_go_live()
    {
        var recorded = new RecordingSink();
        var start = Runs.SingaporeMidnight.AddHours(7);
        var live = start.AddMinutes(40);
        var warmUp = new WarmUpSink(recorded, recentFrom: live.AddMinutes(-15));
        var reference = new RecordingSink();
        Runs.Singapore(reference, start: start).AdvanceTo(live);
        var warmed = Runs.Singapore(warmUp, start: start);

        warmed.AdvanceTo(live);
        var beforeLive = recorded.All.ToList();
        warmUp.GoLive();
        var handedOver = recorded.All.Skip(beforeLive.Count).ToList();

        // Exactly the bookings of the last 15 minutes, in order, and nothing else of the past.
        var recentBookings = reference.Of<BookingCreated>().Where(b => b.Ts >= live.AddMinutes(-15)).Select(b => b.BookingId).ToList();
        Assert.NotEmpty(recentBookings);
        Assert.True(reference.Of<BookingCreated>().Count() > recentBookings.Count, "the run must have older bookings to drop");
        Assert.All(beforeLive, e => Assert.IsType<BookingCreated>(e));
        Assert.Equal(recentBookings, beforeLive.Cast<BookingCreated>().Select(b => b.BookingId));

        // At go-live: one performance record per driver that had one, its latest.
        var latest = reference.Of<DriverRealPerformance>().GroupBy(p => p.DriverId).ToDictionary(g => g.Key, g => g.Last());
        Assert.NotEmpty(latest);
        Assert.Equal(latest.Count, handedOver.Count);
        Assert.All(handedOver.Cast<DriverRealPerformance>(), p => Assert.Equal(latest[p.DriverId], p));

        // Live: everything passes.
        warmed.AdvanceTo(live.AddMinutes(1));
        Assert.Contains(recorded.All.Skip(beforeLive.Count + handedOver.Count), e => e is DriverEvent);
    }
}
