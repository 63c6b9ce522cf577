using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class CatalogTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Res0_cells_match_reference_in_order()
    {
        Assert.Equal(oracle.Vectors.Res0Cells, H3.GetRes0Cells());
    }

    [Fact]
    public void Pentagons_match_reference_at_every_resolution_and_are_pentagons()
    {
        for (int res = 0; res <= H3.MaxResolution; res++)
        {
            var pentagons = H3.GetPentagons(res);
            Assert.Equal(oracle.Vectors.Pentagons[res], pentagons);
            Assert.All(pentagons, p => Assert.True(H3.IsPentagon(p)));
        }
    }

    [Fact]
    public void Only_the_pentagons_are_pentagons()
    {
        var pentagons = oracle.Vectors.Pentagons.SelectMany(p => p).ToHashSet();
        foreach (var c in oracle.Vectors.Cells)
            Assert.Equal(pentagons.Contains(c.Cell), H3.IsPentagon(c.Cell));
    }

    [Fact]
    public void GetPentagons_rejects_resolutions_outside_0_to_15()
    {
        Assert.Equal("res", Assert.Throws<ArgumentOutOfRangeException>(() => H3.GetPentagons(16)).ParamName);
    }
}
