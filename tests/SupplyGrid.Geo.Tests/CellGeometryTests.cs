using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class CellGeometryTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    private const double ToleranceDegrees = 1e-9;

    [Fact]
    public void Centres_match_reference_to_1e_9_degrees()
    {
        var mismatches = new Mismatches("CellToLatLng");
        foreach (var c in oracle.Vectors.Cells)
        {
            var actual = H3.CellToLatLng(c.Cell);
            if (!Close(actual, c.Center))
                mismatches.Add($"{c.Cell}: {actual} != {c.Center}");
        }
        mismatches.AssertNone(oracle.Vectors.Cells.Count);
    }

    [Fact]
    public void Boundaries_match_reference_vertex_for_vertex_including_distortion_vertices()
    {
        var mismatches = new Mismatches("CellToBoundary");
        foreach (var c in oracle.Vectors.Cells)
        {
            var actual = H3.CellToBoundary(c.Cell);
            if (actual.Length != c.Boundary.Length || actual.Zip(c.Boundary).Any(pair => !Close(pair.First, pair.Second)))
                mismatches.Add($"{c.Cell}: [{string.Join(", ", actual)}] != [{string.Join(", ", c.Boundary)}]");
        }
        mismatches.AssertNone(oracle.Vectors.Cells.Count);
    }

    [Fact]
    public void Vectors_cover_pentagons_distortion_vertices_and_the_antimeridian()
    {
        var cells = oracle.Vectors.Cells;
        Assert.Contains(cells, c => c.Boundary.Length == 10);
        Assert.Contains(cells, c => c.Boundary.Length == 7);
        Assert.Contains(cells, c => c.Boundary.Length == 5);
        Assert.Contains(cells, c => c.Boundary.Any(v => v.Lng > 170) && c.Boundary.Any(v => v.Lng < -170));
        Assert.Contains(cells, c => c.Boundary.Any(v => Math.Abs(v.Lat) > 89));
    }

    [Fact]
    public void Areas_match_reference_to_1e_9_relative()
    {
        var mismatches = new Mismatches("CellAreaKm2");
        foreach (var c in oracle.Vectors.Cells)
        {
            double actual = H3.CellAreaKm2(c.Cell);
            if (Math.Abs(actual - c.AreaKm2) > 1e-9 * c.AreaKm2)
                mismatches.Add($"{c.Cell}: {actual:R} != {c.AreaKm2:R}");
        }
        mismatches.AssertNone(oracle.Vectors.Cells.Count);
    }

    [Fact]
    public void Span_boundary_writes_the_same_vertices_as_the_array_overload()
    {
        Span<LatLng> buffer = stackalloc LatLng[H3.MaxBoundaryVertices];
        foreach (var c in oracle.Vectors.Cells.Take(5_000))
        {
            int count = H3.CellToBoundary(c.Cell, buffer);
            Assert.Equal(H3.CellToBoundary(c.Cell), buffer[..count].ToArray());
        }
    }

    [Fact]
    public void Span_boundary_rejects_a_destination_too_small_for_a_pentagon()
    {
        var cell = H3.LatLngToCell(1.3, 103.8, 9);
        var error = Assert.Throws<ArgumentException>(() => H3.CellToBoundary(cell, new LatLng[H3.MaxBoundaryVertices - 1]));
        Assert.Equal("destination", error.ParamName);
    }

    private static bool Close(LatLng a, LatLng b)
    {
        double dLng = Math.Abs(a.Lng - b.Lng);
        dLng = Math.Min(dLng, Math.Abs(dLng - 360.0));
        return Math.Abs(a.Lat - b.Lat) <= ToleranceDegrees && dLng <= ToleranceDegrees;
    }
}
