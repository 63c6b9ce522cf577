using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class DriverMovementTests
{
    [Fact]
    public void Drivers_stay_on_land_ping_every_3_to_5_seconds_and_never_outrun_the_speed_bound()
    {
        var sink = new RecordingSink();
        var simulation = Runs.Singapore(sink, drivers: 100, bookingsPerHour: 500);
        simulation.Step(TimeSpan.FromHours(1.5));
        var movement = new MovementOptions();
        // The fastest straight-line progress: the night speed over the detour factor, 36 / 1.3 km/h.
        double maxKmh = movement.MaxStraightSpeedKmh;
        double maxRoadKmh = Math.Max(movement.UrbanSpeedKmh, Math.Max(movement.PeakSpeedKmh, movement.NightSpeedKmh));

        Assert.True(sink.Pings.Count > 20_000);
        foreach (var track in sink.Pings.GroupBy(p => p.DriverId))
        {
            DriverEvent? previous = null;
            foreach (var ping in track)
            {
                Assert.True(Cities.Singapore.Land.Contains(new LatLng(ping.Lat, ping.Lng)), $"{ping.DriverId} at {ping.Lat}, {ping.Lng} is off land");
                Assert.InRange(ping.SpeedKmh, 0, maxRoadKmh);
                Assert.Equal(ping.SpeedKmh > 0, ping.HeadingDeg is not null);
                if (previous is not null && previous.Status != DriverStatus.Offline)
                {
                    double seconds = (ping.Ts - previous.Ts).TotalSeconds;
                    double km = GeoMath.DistanceKm(new LatLng(previous.Lat, previous.Lng), new LatLng(ping.Lat, ping.Lng));
                    Assert.True(ping.Status == DriverStatus.Offline || seconds is >= 3 and <= 5, $"{ping.DriverId}: {seconds} s between pings");
                    Assert.True(km <= maxKmh * seconds / 3600 + 1e-9, $"{ping.DriverId} moved {km * 1000:F0} m in {seconds:F1} s");
                }
                previous = ping;
            }
        }
    }

    [Fact]
    public void Drivers_go_offline_at_the_end_of_a_shift_and_stay_silent_until_the_next()
    {
        var sink = new RecordingSink();
        var simulation = Runs.Singapore(sink, drivers: 60, configure: o =>
        {
            o.Fleet.ShiftHoursMin = 1;
            o.Fleet.ShiftHoursMax = 2;
        });
        simulation.Step(TimeSpan.FromHours(30));

        var byDriver = sink.All.Where(e => e is DriverEvent or VehicleEvent)
            .GroupBy(e => e is DriverEvent p ? p.DriverId : ((VehicleEvent)e).DriverId!);
        int shiftsEnded = 0;
        foreach (var events in byDriver)
        {
            bool online = false;
            foreach (var e in events)
            {
                switch (e)
                {
                    case VehicleEvent { Status: VehicleStatus.InService }:
                        Assert.False(online);
                        online = true;
                        break;
                    case VehicleEvent { Status: VehicleStatus.OutOfService }:
                        Assert.False(online, "the offline ping comes before the vehicle leaves service");
                        shiftsEnded++;
                        break;
                    case DriverEvent { Status: DriverStatus.Offline }:
                        Assert.True(online);
                        online = false;
                        break;
                    case DriverEvent ping:
                        Assert.True(online, $"{ping.DriverId} pinged while offline at {ping.Ts:O}");
                        break;
                }
            }
        }
        // 60 drivers with 1 to 2 hour shifts over 30 hours: every driver ends at least one shift.
        Assert.True(shiftsEnded >= 60);
        Assert.True(sink.Of<DriverRealPerformance>().Count() >= 2 * shiftsEnded - 60, "a performance record at each shift start and end");
    }
}
