using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Demand;

public class PoissonDemandTests
{
    // TwoZones: A weighs 1 every hour; B weighs 3 at 08:00 and 1 otherwise. The day's mean total weight is
    // 1 + (23 + 3) / 24 = 50/24, so 2,500 bookings/hour on average make one weight unit 2,500 * 24 / 50 = 1,200/hour:
    // A 1,200/hour all day, B 1,200/hour except 3,600 at 08:00 local.
    private const double BookingsPerHour = 2_500;
    private static readonly DateTimeOffset Midnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Configured_rates_follow_the_zone_profiles()
    {
        var demand = new PoissonDemand(TestCities.TwoZones(), new DemandOptions { BookingsPerHour = BookingsPerHour, EventBookings = 0 });

        Assert.Equal(1_200, demand.RatePerHour("A", 3), 9);
        Assert.Equal(1_200, demand.RatePerHour("B", 7), 9);
        Assert.Equal(3_600, demand.RatePerHour("B", 8), 9);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => demand.RatePerHour("C", 8)).ParamName);
    }

    [Fact]
    public void Bookings_per_zone_and_hour_match_the_rates_within_four_standard_deviations()
    {
        var counts = CountByZoneAndUtcHour(TestCities.TwoZones(), hours: 24);

        for (int hour = 0; hour < 24; hour++)
        {
            AssertPoisson(1_200, counts[("A", hour)], $"A at {hour}:00");
            AssertPoisson(hour == 8 ? 3_600 : 1_200, counts[("B", hour)], $"B at {hour}:00");
        }
    }

    [Fact]
    public void Rates_follow_local_time_not_UTC()
    {
        // In Singapore time (UTC+8) B's 08:00 peak is 00:00 UTC.
        var counts = CountByZoneAndUtcHour(TestCities.TwoZones(TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore")), hours: 2);

        AssertPoisson(3_600, counts[("B", 0)], "B at 00:00 UTC");
        AssertPoisson(1_200, counts[("B", 1)], "B at 01:00 UTC");
    }

    [Fact]
    public void An_event_adds_arrivals_before_its_start_and_a_surge_of_departures_around_its_end()
    {
        // 19:00 to 21:00 UTC: 300 arrivals (half of 600) over 17:30-19:00, 600 departures over 20:50-22:00.
        var venue = new Venue("Stadium", new LatLng(0.05, 100.05), 0.3, TimeSpan.FromHours(19), TimeSpan.FromHours(2));
        var demand = new PoissonDemand(TestCities.TwoZones(venues: [venue]), new DemandOptions { BookingsPerHour = 100, EventBookings = 600, EventArrivalShare = 0.5 });
        demand.Start(Midnight, new SimRandom(5));

        var arrivals = new List<DemandArrival>();
        var departures = new List<DemandArrival>();
        foreach (var booking in TakeUntil(demand, Midnight.AddDays(1)))
        {
            if (booking.Source == "Stadium (arrivals)")
                arrivals.Add(booking);
            else if (booking.Source == "Stadium (departures)")
                departures.Add(booking);
        }

        AssertPoisson(300, arrivals.Count, "arrivals");
        AssertPoisson(600, departures.Count, "departures");
        Assert.All(arrivals, a => Assert.InRange(a.Time, Midnight.AddHours(17.5), Midnight.AddHours(19)));
        Assert.All(arrivals, a => Assert.InRange(GeoMath.DistanceKm(a.Dropoff, venue.Location), 0, venue.RadiusKm));
        Assert.All(departures, d => Assert.InRange(d.Time, Midnight.AddHours(21).AddMinutes(-10), Midnight.AddHours(22)));
        Assert.All(departures, d => Assert.InRange(GeoMath.DistanceKm(d.Pickup, venue.Location), 0, venue.RadiusKm));
        // The triangle peaks 15 minutes after the end: the busiest 10 minutes are 21:10 to 21:20.
        var busiest = departures.GroupBy(d => (d.Time - Midnight.AddHours(21)).TotalMinutes switch { < 0 => -1, var m => (int)(m / 10) })
            .MaxBy(g => g.Count())!.Key;
        Assert.Equal(1, busiest);
    }

    [Fact]
    public void Singapore_bookings_start_and_end_on_land_and_are_not_trivially_short()
    {
        var city = Cities.Singapore;
        var demand = new PoissonDemand(city, new DemandOptions { BookingsPerHour = 2_000 });
        demand.Start(Midnight, new SimRandom(9));

        var bookings = TakeUntil(demand, Midnight.AddHours(3)).ToList();

        Assert.InRange(bookings.Count, 1_000, 10_000);
        Assert.All(bookings, b => Assert.True(city.Land.Contains(b.Pickup) && city.Land.Contains(b.Dropoff)));
        Assert.True(bookings.Count(b => GeoMath.DistanceKm(b.Pickup, b.Dropoff) < 1.0) < bookings.Count / 100);
    }

    [Fact]
    public void The_morning_peak_takes_riders_from_homes_into_the_centre_and_the_evening_peak_takes_them_back()
    {
        var city = Cities.Singapore;
        var demand = new PoissonDemand(city, new DemandOptions { BookingsPerHour = 4_000, EventBookings = 0 });
        var sgMidnight = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
        demand.Start(sgMidnight, new SimRandom(13));
        var cbd = city.Zones.Single(z => z.Name == "Marina Bay/CBD");
        bool InCbd(LatLng p) => GeoMath.DistanceKm(p, cbd.Centre) <= cbd.RadiusKm;

        var all = TakeUntil(demand, sgMidnight.AddDays(1)).ToList();
        var morning = all.Where(b => b.Time >= sgMidnight.AddHours(7) && b.Time < sgMidnight.AddHours(9)).ToList();
        var evening = all.Where(b => b.Time >= sgMidnight.AddHours(18) && b.Time < sgMidnight.AddHours(20)).ToList();

        Assert.True(morning.Count(b => InCbd(b.Dropoff)) > 2 * morning.Count(b => InCbd(b.Pickup)), "more trips end in the CBD than start there in the morning");
        Assert.True(evening.Count(b => InCbd(b.Pickup)) > 2 * evening.Count(b => InCbd(b.Dropoff)), "more trips leave the CBD than reach it in the evening");
        Assert.True(all.Count(b => b.Time.ToOffset(TimeSpan.FromHours(8)).Hour == 3) * 5 < morning.Count / 2, "the night is quiet");
    }

    [Fact]
    public void The_same_seed_gives_the_same_bookings()
    {
        static List<DemandArrival> Run(ulong seed)
        {
            var demand = new PoissonDemand(Cities.Singapore, new DemandOptions());
            demand.Start(Midnight, new SimRandom(seed));
            return TakeUntil(demand, Midnight.AddHours(1)).ToList();
        }

        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonDemand(Cities.Singapore, new DemandOptions { BookingsPerHour = -1 }));
        Assert.Equal("BookingsPerHour", error.ParamName);
    }

    private static Dictionary<(string Zone, int Hour), int> CountByZoneAndUtcHour(CityMap city, int hours)
    {
        var demand = new PoissonDemand(city, new DemandOptions { BookingsPerHour = BookingsPerHour, EventBookings = 0 });
        demand.Start(Midnight, new SimRandom(42));
        var counts = new Dictionary<(string, int), int>();
        foreach (var zone in city.Zones)
        {
            for (int h = 0; h < hours; h++)
                counts[(zone.Name, h)] = 0;
        }
        foreach (var booking in TakeUntil(demand, Midnight.AddHours(hours)))
            counts[(booking.Source, (int)(booking.Time - Midnight).TotalHours)]++;
        return counts;
    }

    private static IEnumerable<DemandArrival> TakeUntil(IDemandSource demand, DateTimeOffset end)
    {
        while (demand.NextTicks < end.UtcTicks)
            yield return demand.Take();
    }

    private static void AssertPoisson(double expected, int actual, string what)
    {
        double tolerance = 4 * Math.Sqrt(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: {actual} bookings, expected {expected} +/- {tolerance:F0}");
    }
}
