using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Geography;

public class GeoMathTests
{
    [Theory]
    [InlineData(1.2840, 103.8515, 1.3590, 103.9890)] // Raffles Place to Changi Airport, about 17 km
    [InlineData(40.7580, -73.9855, 40.6413, -73.7781)] // Times Square to JFK, about 21.7 km
    [InlineData(1.29, 103.85, 1.2901, 103.8501)] // about 15 m
    public void Distance_agrees_with_the_great_circle_to_a_tenth_of_a_percent(double lat1, double lng1, double lat2, double lng2)
    {
        var a = new LatLng(lat1, lng1);
        var b = new LatLng(lat2, lng2);

        double flat = GeoMath.DistanceKm(a, b);
        double sphere = H3.GreatCircleDistanceKm(a, b);

        Assert.InRange(flat / sphere, 0.999, 1.001);
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(GeoMath.DistanceKm(new LatLng(1, 103), new LatLng(2, 103)), 111.1, 111.3);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 90)]
    [InlineData(-1, 0, 180)]
    [InlineData(0, -1, 270)]
    public void Bearing_is_clockwise_from_north(double north, double east, double expected)
    {
        var from = new LatLng(1.3, 103.8);
        var to = GeoMath.Offset(from, east, north);

        Assert.Equal(expected, GeoMath.BearingDeg(from, to), 6);
    }

    [Fact]
    public void Offset_moves_by_the_asked_distance()
    {
        var from = new LatLng(40.7, -74.0);

        var to = GeoMath.Offset(from, eastKm: 3, northKm: 4);

        Assert.Equal(5.0, GeoMath.DistanceKm(from, to), 3);
    }
}
