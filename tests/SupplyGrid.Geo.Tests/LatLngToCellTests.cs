using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class LatLngToCellTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Matches_reference_for_random_polar_antimeridian_and_near_pentagon_points_at_every_resolution()
    {
        var points = oracle.Vectors.Points;
        var mismatches = new Mismatches("LatLngToCell");
        int checkedCount = 0;
        foreach (var p in points)
        {
            for (int res = 0; res <= H3.MaxResolution; res++)
            {
                var actual = H3.LatLngToCell(p.Lat, p.Lng, res);
                if (actual != p.CellByResolution[res])
                    mismatches.Add($"({p.Lat:R}, {p.Lng:R}) res {res}: {actual} != {p.CellByResolution[res]}");
                checkedCount++;
            }
        }
        Assert.True(points.Count >= 100_000, $"only {points.Count} points");
        mismatches.AssertNone(checkedCount);
    }

    [Fact]
    public void Matches_reference_for_points_exactly_on_cell_edges_and_vertices()
    {
        var mismatches = new Mismatches("LatLngToCell on edges");
        foreach (var e in oracle.Vectors.Edges)
        {
            var actual = H3.LatLngToCell(e.Lat, e.Lng, e.Resolution);
            if (actual != e.Cell)
                mismatches.Add($"({e.Lat:R}, {e.Lng:R}) res {e.Resolution}: {actual} != {e.Cell}");
        }
        mismatches.AssertNone(oracle.Vectors.Edges.Count);
    }

    [Fact]
    public void Cell_centres_map_back_to_their_cells()
    {
        var mismatches = new Mismatches("LatLngToCell(CellToLatLng(cell))");
        foreach (var c in oracle.Vectors.Cells)
        {
            var center = H3.CellToLatLng(c.Cell);
            var actual = H3.LatLngToCell(center, H3.GetResolution(c.Cell));
            if (actual != c.Cell)
                mismatches.Add($"{c.Cell} -> {center} -> {actual}");
        }
        mismatches.AssertNone(oracle.Vectors.Cells.Count);
    }

    [Fact]
    public void TryLatLngToCell_agrees_with_LatLngToCell()
    {
        foreach (var p in oracle.Vectors.Points.Take(2_000))
        {
            for (int res = 0; res <= H3.MaxResolution; res++)
            {
                Assert.True(H3.TryLatLngToCell(p.Lat, p.Lng, res, out var cell));
                Assert.Equal(p.CellByResolution[res], cell);
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    [InlineData(int.MaxValue)]
    public void Rejects_resolutions_outside_0_to_15(int res)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => H3.LatLngToCell(1.3, 103.8, res));
        Assert.Equal("res", error.ParamName);
        Assert.False(H3.TryLatLngToCell(1.3, 103.8, res, out _));
    }

    [Theory]
    [InlineData(double.NaN, 0.0, "lat")]
    [InlineData(double.PositiveInfinity, 0.0, "lat")]
    [InlineData(0.0, double.NaN, "lng")]
    [InlineData(0.0, double.NegativeInfinity, "lng")]
    public void Rejects_non_finite_coordinates(double lat, double lng, string argument)
    {
        var error = Assert.Throws<ArgumentException>(() => H3.LatLngToCell(lat, lng, 9));
        Assert.Equal(argument, error.ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => H3.LatLngToCell(new LatLng(lat, lng), 9)).ParamName);
        Assert.False(H3.TryLatLngToCell(lat, lng, 9, out _));
    }
}
