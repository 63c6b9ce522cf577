namespace SupplyGrid.Grains.Policies;

/// <summary>A cell that candidates come from, with the counts that decide how many it can spare.</summary>
/// <param name="Cell">Its H3 index.</param>
/// <param name="Supply">Distinct available drivers in the cell (candidates from it included).</param>
/// <param name="Demand">Its expected demand, on the same basis as the target's.</param>
public readonly record struct DonorCell(ulong Cell, double Supply, double Demand);
