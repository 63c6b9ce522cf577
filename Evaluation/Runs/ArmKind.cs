namespace SupplyGrid.Evaluation.Runs;

/// <summary>The policies compared on the same demand, drivers and seed.</summary>
public enum ArmKind
{
    /// <summary>The grid receives every event and sends no offers.</summary>
    Observe,

    /// <summary>The grid plans repositioning and pays incentives; drivers accept or decline offers.</summary>
    Reposition,

    /// <summary>No offers; every free driver is sent to the grid's hottest cell each planning interval.</summary>
    Naive,
}
