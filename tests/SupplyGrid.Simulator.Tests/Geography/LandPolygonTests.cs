using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Geography;

public class LandPolygonTests
{
    // A "U": a square 0..3 x 0..3 (degrees as lat/lng) with a notch from the top between x = 1 and x = 2 down to y = 1.
    private static readonly LandPolygon U = new(
    [
        new LatLng(0, 0), new LatLng(0, 3), new LatLng(3, 3), new LatLng(3, 2),
        new LatLng(1, 2), new LatLng(1, 1), new LatLng(3, 1), new LatLng(3, 0),
    ]);

    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(2.5, 0.5, true)] // left arm
    [InlineData(2.5, 2.5, true)] // right arm
    [InlineData(2.0, 1.5, false)] // in the notch
    [InlineData(0.5, 1.5, true)] // the base under the notch
    [InlineData(-0.1, 1.0, false)]
    [InlineData(1.0, 3.5, false)]
    public void Contains_knows_inside_from_outside(double lat, double lng, bool inside)
    {
        Assert.Equal(inside, U.Contains(new LatLng(lat, lng)));
    }

    [Fact]
    public void A_segment_across_the_notch_leaves_the_land()
    {
        Assert.False(U.SegmentInside(new LatLng(2.5, 0.5), new LatLng(2.5, 2.5)));
        Assert.True(U.SegmentInside(new LatLng(0.5, 0.5), new LatLng(0.5, 2.5)));
    }

    [Fact]
    public void Nearest_land_toward_a_point_in_the_water_stops_at_the_shore()
    {
        var from = new LatLng(0.5, 1.5);
        var inNotch = new LatLng(2.0, 1.5);

        var landed = U.NearestLandToward(from, inNotch);

        Assert.True(U.Contains(landed));
        // The shore on that line is at lat 1; steps are about 50 m (0.00045 degrees) at this scale's km.
        Assert.InRange(landed.Lat, 0.99, 1.0);
    }

    [Fact]
    public void Random_points_fall_on_land()
    {
        var random = new SimRandom(3);
        for (int i = 0; i < 1_000; i++)
            Assert.True(U.Contains(U.RandomPoint(random)));
    }

    [Fact]
    public void Too_few_vertices_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new LandPolygon([new LatLng(0, 0), new LatLng(1, 1)]));
        Assert.Equal("vertices", error.ParamName);
    }
}
