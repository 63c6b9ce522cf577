using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class GridDistanceTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Distances_and_undefined_cases_match_reference()
    {
        var mismatches = new Mismatches("GridDistance");
        foreach (var d in oracle.Vectors.Distances)
        {
            string actual;
            try
            {
                actual = H3.GridDistance(d.A, d.B).ToString();
            }
            catch (H3Exception e)
            {
                actual = $"error {(int)e.Code}";
            }
            string expected = d.Distance >= 0 ? d.Distance.ToString() : $"error {d.ErrorCode}";
            if (actual != expected)
                mismatches.Add($"{d.A} -> {d.B}: {actual}, reference {expected}");
        }
        mismatches.AssertNone(oracle.Vectors.Distances.Count);
    }

    [Fact]
    public void Vectors_cover_defined_failed_and_resolution_mismatch_cases()
    {
        var distances = oracle.Vectors.Distances;
        Assert.Contains(distances, d => d.Distance > 5);
        Assert.Contains(distances, d => d.ErrorCode == (int)H3ErrorCode.Failed);
        Assert.Contains(distances, d => d.ErrorCode == (int)H3ErrorCode.ResolutionMismatch);
        var pentagons = oracle.Vectors.Pentagons.SelectMany(p => p).ToHashSet();
        Assert.Contains(distances, d => d.Distance < 0 && (pentagons.Contains(d.A) || pentagons.Contains(d.B)));
        Assert.Contains(distances, d => d.Distance >= 0 && (pentagons.Contains(d.A) || pentagons.Contains(d.B)));
    }

    [Fact]
    public void Distance_to_itself_is_zero_and_neighbours_are_one()
    {
        var origin = H3.LatLngToCell(1.3, 103.8, 9);
        Assert.Equal(0, H3.GridDistance(origin, origin));
        foreach (var neighbour in H3.GridDisk(origin, 1).Where(c => c != origin))
            Assert.Equal(1, H3.GridDistance(origin, neighbour));
    }

    [Fact]
    public void Rejects_invalid_cells_naming_the_argument()
    {
        var valid = H3.LatLngToCell(1.3, 103.8, 9);
        var invalid = new H3Index(valid.Value | (1UL << 63));
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => H3.GridDistance(invalid, valid)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => H3.GridDistance(valid, invalid)).ParamName);
    }
}
