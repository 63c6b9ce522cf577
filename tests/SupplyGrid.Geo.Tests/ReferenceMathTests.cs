using SupplyGrid.Geo.Internal;
using SupplyGrid.Geo.Tests.Oracle;

namespace SupplyGrid.Geo.Tests;

/// <summary>
/// Cells of points on an edge are decided by the last bit of the trigonometry, so the
/// implementation's sin/cos/tan/asin/acos/atan/atan2 must round exactly as node's Math does.
/// </summary>
public sealed class ReferenceMathTests(OracleFixture oracle) : IClassFixture<OracleFixture>
{
    private static readonly Func<double, double, double>[] Functions =
    [
        (x, _) => ReferenceMath.Sin(x),
        (x, _) => ReferenceMath.Cos(x),
        (x, _) => ReferenceMath.Tan(x),
        (x, _) => ReferenceMath.Asin(x),
        (x, _) => ReferenceMath.Acos(x),
        (x, _) => ReferenceMath.Atan(x),
        (x, y) => ReferenceMath.Atan2(y, x),
    ];

    private static readonly string[] Names = ["sin", "cos", "tan", "asin", "acos", "atan", "atan2"];

    [Fact]
    public void Trigonometry_is_bit_identical_to_the_javascript_engine()
    {
        var mismatches = new Mismatches("Math (node v. ReferenceMath)");
        foreach (var m in oracle.Vectors.MathResults)
        {
            double actual = Functions[m.Function](m.X, m.Y);
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(m.Result))
                mismatches.Add($"{Names[m.Function]}({m.X:R}, {m.Y:R}) = {actual:R}, node {m.Result:R}");
        }
        mismatches.AssertNone(oracle.Vectors.MathResults.Count);
    }
}
