using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Replay;

public class ReplayDemandTests
{
    private static readonly DateTimeOffset T0 = new(2014, 4, 1, 4, 0, 0, TimeSpan.Zero);

    private static ReplayData Data(params ReplayPickup[] pickups) =>
        new(pickups, new ReplayReadReport(pickups.Length, pickups.Length, 0, 0, 0, 0, []));

    [Fact]
    public void Pickups_before_the_start_are_skipped_and_minutes_are_spread()
    {
        var here = new LatLng(40.75, -73.99);
        var there = new LatLng(40.70, -73.95);
        var demand = new ReplayDemand(
            Data(new(T0, here, there, null), new(T0.AddMinutes(5), here, there, null), new(T0.AddMinutes(6), here, there, null)),
            Cities.NewYork,
            new ReplayTripOptions());

        demand.Start(T0.AddMinutes(1), new SimRandom(1));
        var first = demand.Take();
        var second = demand.Take();

        Assert.Equal(1, demand.SkippedBeforeStart);
        Assert.InRange(first.Time, T0.AddMinutes(5), T0.AddMinutes(6));
        Assert.InRange(second.Time, T0.AddMinutes(6), T0.AddMinutes(7));
        Assert.Equal(there, first.Dropoff);
        Assert.Equal(ReplayDemand.SourceName, first.Source);
        Assert.Equal(long.MaxValue, demand.NextTicks);
    }

    [Fact]
    public void Missing_dropoffs_are_recorded_places_at_plausible_trip_lengths()
    {
        var data = NycUberCsvReader.Read(TestData.NycUberApril2014, Cities.NewYork, new ReplayReadOptions { Base = "B02512", FoldDays = true });
        var demand = new ReplayDemand(data, Cities.NewYork, new ReplayTripOptions());
        demand.Start(data.First!.Value, new SimRandom(3));

        var trips = new List<double>();
        while (demand.NextTicks != long.MaxValue)
        {
            var booking = demand.Take();
            Assert.True(Cities.NewYork.Land.Contains(booking.Dropoff));
            trips.Add(GeoMath.DistanceKm(booking.Pickup, booking.Dropoff));
        }

        Assert.Equal(35_300, trips.Count);
        trips.Sort();
        // The target is a log-normal with a median of 3 km; resampling from 8 recorded places approximates it.
        Assert.InRange(trips[trips.Count / 2], 2.0, 4.5);
        Assert.True(trips.Count(km => km < 0.5) < trips.Count / 20, "few trips shorter than 500 m");
    }

    [Fact]
    public void Hourly_shares_count_the_records_by_local_hour()
    {
        var here = new LatLng(40.75, -73.99);
        // 04:10Z and 04:50Z are 00:10 and 00:50 in New York (EDT); 13:00Z is 09:00.
        var demand = new ReplayDemand(
            Data(new(T0.AddMinutes(10), here, null, null), new(T0.AddMinutes(50), here, null, null), new(T0.AddHours(9), here, null, null)),
            Cities.NewYork,
            new ReplayTripOptions());

        Assert.Equal(2.0 / 3, demand.HourlyShares[0], 12);
        Assert.Equal(1.0 / 3, demand.HourlyShares[9], 12);
        Assert.Equal(1.0, demand.HourlyShares.Sum(), 12);
    }

    [Fact]
    public void Pickups_outside_the_city_are_refused()
    {
        var manhattan = new LatLng(40.75, -73.99);

        var error = Assert.Throws<ArgumentException>(() =>
            new ReplayDemand(Data(new ReplayPickup(T0, manhattan, null, null)), Cities.Singapore, new ReplayTripOptions()));

        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void An_empty_replay_is_refused()
    {
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new ReplayDemand(Data(), Cities.NewYork, new ReplayTripOptions())).ParamName);
    }
}
