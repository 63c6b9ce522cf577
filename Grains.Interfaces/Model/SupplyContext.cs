using Orleans;
namespace SupplyGrid.Grains;

/// <summary>What taking the driver away does to the cell they are in.</summary>
[GenerateSerializer, Alias("supplygrid.SupplyContext")]
public enum SupplyContext
{
    /// <summary>The cell is in deficit once the driver leaves: a cost.</summary>
    DrainsDeficit,

    /// <summary>The cell stays balanced.</summary>
    Neutral,

    /// <summary>The cell stays oversupplied, or has no demand at all: taking the driver helps.</summary>
    RelievesSurplus,
}
