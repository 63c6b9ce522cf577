namespace SupplyGrid.Grains.Policies;

/// <summary>What an accepted offer pays.</summary>
/// <param name="Outcome">On time, late or failed.</param>
/// <param name="Paid">The amount to commit; the rest of the reservation is released.</param>
public readonly record struct IncentiveSettlement(SettlementOutcome Outcome, decimal Paid);
