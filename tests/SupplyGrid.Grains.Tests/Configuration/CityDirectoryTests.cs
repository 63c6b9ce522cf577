using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;

namespace SupplyGrid.Grains.Tests.Configuration;

public sealed class CityDirectoryTests
{
    private static readonly CityDirectory Cities = Default();

    [Fact]
    public void A_point_well_inside_a_city_is_in_its_cell_at_the_city_resolution()
    {
        var city = Cities.All[0];
        var bounds = city.Options.Bounds;
        var (lat, lng) = ((bounds.South + bounds.North) / 2, (bounds.West + bounds.East) / 2);

        Assert.Same(city, Cities.FindCell(lat, lng, out var cell));
        Assert.Equal(H3.LatLngToCell(lat, lng, city.Resolution), cell);
        Assert.Same(city, Cities.FindForCell(cell));
    }

    [Fact]
    public void A_point_inside_the_bounds_whose_cell_centre_is_outside_belongs_to_no_city_so_no_cell_grain_is_asked()
    {
        var city = Cities.All[0];
        var bounds = city.Options.Bounds;
        // Just inside the southern edge, the first point along it whose cell's centre lies south of the bounds.
        var lat = bounds.South + 1e-6;
        var lng = Enumerable.Range(0, 2_000).Select(i => bounds.West + ((bounds.East - bounds.West) * i / 2_000))
            .First(x => H3.CellToLatLng(H3.LatLngToCell(lat, x, city.Resolution)).Lat < bounds.South);

        Assert.Same(city, Cities.Find(lat, lng));
        Assert.Null(Cities.FindCell(lat, lng, out var cell));
        Assert.Equal(default, cell);
        Assert.Null(Cities.FindForCell(H3.LatLngToCell(lat, lng, city.Resolution)));
    }

    [Fact]
    public void A_point_outside_every_city_has_no_cell() =>
        Assert.Null(Cities.FindCell(0, 0, out _));

    private static CityDirectory Default()
    {
        var options = new CitiesOptions();
        options.Bind(new ConfigurationBuilder().Build());
        return new CityDirectory(Options.Create(options));
    }
}
