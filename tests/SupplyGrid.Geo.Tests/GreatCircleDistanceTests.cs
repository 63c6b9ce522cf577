using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

public sealed class GreatCircleDistanceTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    [Fact]
    public void Matches_reference_to_1e_9_relative()
    {
        var mismatches = new Mismatches("GreatCircleDistanceKm");
        foreach (var g in oracle.Vectors.GreatCircles)
        {
            double actual = H3.GreatCircleDistanceKm(g.A, g.B);
            if (Math.Abs(actual - g.Km) > 1e-9 * Math.Max(g.Km, 1e-3))
                mismatches.Add($"{g.A} -> {g.B}: {actual:R} != {g.Km:R}");
        }
        mismatches.AssertNone(oracle.Vectors.GreatCircles.Count);
    }

    [Fact]
    public void Rejects_non_finite_points_naming_the_argument()
    {
        var ok = new LatLng(1.3, 103.8);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => H3.GreatCircleDistanceKm(new LatLng(double.NaN, 0), ok)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => H3.GreatCircleDistanceKm(ok, new LatLng(0, double.PositiveInfinity))).ParamName);
    }
}
