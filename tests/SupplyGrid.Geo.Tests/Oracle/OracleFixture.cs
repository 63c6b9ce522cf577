namespace SupplyGrid.Geo.Tests.Oracle;

/// <summary>Gives a test class the h3-js vectors (generated once per test run, shared).</summary>
public sealed class OracleFixture
{
    public OracleVectors Vectors => OracleVectors.Instance;
}
