using Orleans;
namespace SupplyGrid.Grains;

/// <summary>The few figures of a cell the ODRD ranking needs.</summary>
/// <param name="Drivers">Distinct available drivers present.</param>
/// <param name="Demand">Smoothed demand, the basis of the cell's status.</param>
/// <param name="Ratio">The cell's current ratio.</param>
/// <param name="Status">The cell's current status.</param>
[GenerateSerializer, Alias("supplygrid.CellFigures"), Immutable]
public readonly record struct CellFigures(int Drivers, double Demand, double Ratio, SupplyStatus Status);
