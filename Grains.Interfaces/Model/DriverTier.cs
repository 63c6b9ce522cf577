using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A driver's standing, which earns a bonus on incentive offers.</summary>
[GenerateSerializer, Alias("supplygrid.DriverTier")]
public enum DriverTier
{
    Standard,
    Silver,
    Gold,
    Platinum,
}
