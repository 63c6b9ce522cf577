using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Geography;

public class CitiesTests
{
    [Fact]
    public void Singapore_is_a_coarse_island_around_the_brief_s_centre()
    {
        var city = Cities.Singapore;

        Assert.Equal("singapore", city.Id);
        Assert.Equal("SGD", city.Currency);
        Assert.InRange(city.Land.Vertices.Count, 30, 60);
        Assert.True(city.Land.Contains(new LatLng(1.29, 103.85)));
        Assert.False(city.Land.Contains(new LatLng(1.20, 103.85)), "the Singapore Strait is water");
        Assert.False(city.Land.Contains(new LatLng(1.47, 103.76)), "Johor is across the strait");
        Assert.Equal(TimeSpan.FromHours(8), city.TimeZone.GetUtcOffset(new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Singapore_coast_does_not_cross_itself()
    {
        var v = Cities.Singapore.Land.Vertices;
        int n = v.Count;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1)
                    continue; // the closing edge touches the first
                Assert.False(Crosses(v[i], v[(i + 1) % n], v[j], v[(j + 1) % n]), $"edges {i} and {j} cross");
            }
        }
    }

    [Fact]
    public void Singapore_has_the_named_zones_and_the_stadium_on_land()
    {
        var city = Cities.Singapore;
        string[] expected = ["Marina Bay/CBD", "Orchard", "Jurong East", "Tampines", "Woodlands", "Changi Airport", "Punggol", "Bishan/Ang Mo Kio", "Clementi", "Sentosa"];

        Assert.Subset(city.Zones.Select(z => z.Name).ToHashSet(), expected.ToHashSet());
        Assert.All(city.Zones, z => Assert.True(city.Land.Contains(z.Centre), z.Name));
        var venue = Assert.Single(city.Venues);
        Assert.Equal("National Stadium", venue.Name);
        Assert.True(city.Land.Contains(venue.Location));
    }

    [Fact]
    public void New_York_covers_the_five_boroughs_in_New_York_time()
    {
        var city = Cities.NewYork;

        Assert.True(city.Land.Contains(new LatLng(40.7580, -73.9855)), "Times Square");
        Assert.True(city.Land.Contains(new LatLng(40.6413, -73.7781)), "JFK");
        Assert.True(city.Land.Contains(new LatLng(40.5795, -74.1502)), "Staten Island");
        Assert.False(city.Land.Contains(new LatLng(41.37, -72.92)), "Connecticut");
        Assert.Equal("USD", city.Currency);
        Assert.Equal(TimeSpan.FromHours(-4), city.TimeZone.GetUtcOffset(new DateTime(2014, 4, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("singapore")]
    [InlineData("SINGAPORE")]
    [InlineData("new-york")]
    [InlineData("nyc")]
    public void Presets_are_found_by_id(string id)
    {
        Assert.NotNull(Cities.ById(id));
    }

    [Fact]
    public void An_unknown_city_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Cities.ById("atlantis"));
        Assert.Contains("atlantis", error.Message);
    }

    private static bool Crosses(LatLng p1, LatLng p2, LatLng q1, LatLng q2)
    {
        static double Orient(LatLng a, LatLng b, LatLng c) => (b.Lng - a.Lng) * (c.Lat - a.Lat) - (b.Lat - a.Lat) * (c.Lng - a.Lng);
        double d1 = Orient(q1, q2, p1), d2 = Orient(q1, q2, p2), d3 = Orient(p1, p2, q1), d4 = Orient(p1, p2, q2);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }
}
