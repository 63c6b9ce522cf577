using Orleans;
namespace SupplyGrid.Grains;

/// <summary>How a cell's supply compares with its demand (DOMAIN.md thresholds on r = supply / demand).</summary>
[GenerateSerializer, Alias("supplygrid.SupplyStatus")]
public enum SupplyStatus
{
    /// <summary>r below 0.3.</summary>
    Critical,

    /// <summary>r in [0.3, 0.5).</summary>
    Undersupplied,

    /// <summary>r in [0.5, 2.0], and every quiet cell (no demand, no supply).</summary>
    Balanced,

    /// <summary>r above 2.0.</summary>
    Oversupplied,
}
