using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Geography;

public class LandRouterTests
{
    private static readonly LandPolygon U = new(
    [
        new LatLng(0, 0), new LatLng(0, 3), new LatLng(3, 3), new LatLng(3, 2),
        new LatLng(1, 2), new LatLng(1, 1), new LatLng(3, 1), new LatLng(3, 0),
    ]);

    [Fact]
    public void A_visible_destination_is_one_straight_segment()
    {
        var router = new LandRouter(U, [new LatLng(0.5, 1.5)]);
        var waypoints = new LatLng[router.MaxWaypoints];

        int count = router.Route(new LatLng(0.5, 0.5), new LatLng(0.5, 2.5), waypoints);

        Assert.Equal(1, count);
        Assert.Equal(new LatLng(0.5, 2.5), waypoints[0]);
    }

    [Fact]
    public void A_route_across_water_goes_round_through_the_hubs()
    {
        // Hubs at the foot of each arm; the base joins them.
        var router = new LandRouter(U, [new LatLng(0.5, 0.5), new LatLng(0.5, 2.5)]);
        var waypoints = new LatLng[router.MaxWaypoints];
        var from = new LatLng(2.5, 0.5);
        var to = new LatLng(2.5, 2.5);

        int count = router.Route(from, to, waypoints);

        Assert.Equal([new LatLng(0.5, 0.5), new LatLng(0.5, 2.5), to], waypoints[..count]);
        var previous = from;
        foreach (var point in waypoints[..count])
        {
            Assert.True(U.SegmentInside(previous, point));
            previous = point;
        }
    }

    [Fact]
    public void Hubs_must_be_on_land_and_connected()
    {
        Assert.Equal("hubs", Assert.Throws<ArgumentException>(() => new LandRouter(U, [new LatLng(2, 1.5)])).ParamName);
    }

    [Fact]
    public void Every_route_between_random_points_of_Singapore_stays_on_land()
    {
        var city = Cities.Singapore;
        var random = new SimRandom(11);
        var waypoints = new LatLng[city.Router.MaxWaypoints];
        for (int i = 0; i < 3_000; i++)
        {
            var from = city.Land.RandomPoint(random);
            var to = city.Land.RandomPoint(random);
            int count = city.Router.Route(from, to, waypoints);
            var previous = from;
            for (int w = 0; w < count; w++)
            {
                Assert.True(city.Land.SegmentInside(previous, waypoints[w]), $"leg {w} of {from} -> {to} leaves the land");
                previous = waypoints[w];
            }
            Assert.Equal(to, previous);
        }
    }
}
