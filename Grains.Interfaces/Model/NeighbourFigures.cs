using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A cell's own (unsmoothed) figures, pushed one-way to the cells that smooth with it.</summary>
/// <param name="Cell">The cell the figures are about.</param>
/// <param name="Supply">Distinct available drivers present.</param>
/// <param name="Demand">Expected demand: bookings in the window, plus forecast and event demand.</param>
/// <param name="At">When the sender computed them.</param>
[GenerateSerializer, Alias("supplygrid.NeighbourFigures"), Immutable]
public readonly record struct NeighbourFigures(H3Index Cell, double Supply, double Demand, DateTimeOffset At);
