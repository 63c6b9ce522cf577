using Orleans;
namespace SupplyGrid.Grains;

/// <summary>How an accepted offer ended.</summary>
[GenerateSerializer, Alias("supplygrid.SettlementOutcome")]
public enum SettlementOutcome
{
    /// <summary>Arrived within the time limit: full amount.</summary>
    OnTime,

    /// <summary>Arrived after the time limit but before the failure deadline: the late share (half).</summary>
    Late,

    /// <summary>Never arrived, or arrived after the failure deadline: nothing.</summary>
    Failed,
}
