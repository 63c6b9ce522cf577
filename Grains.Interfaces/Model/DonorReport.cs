using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>What a cell can give to a deficit cell that asks for reposition candidates.</summary>
/// <param name="Cell">The donor cell.</param>
/// <param name="Supply">
/// Available drivers that can still be asked to move: present, without a live offer, and not already promised to
/// another deficit cell in the last tick. A reposition plan lets at most the spare share of them go.
/// </param>
/// <param name="Demand">The donor's expected demand, on the same basis as its status.</param>
/// <param name="Drivers">Those drivers, nearest to the asking cell first, at most the number asked for.</param>
[GenerateSerializer, Alias("supplygrid.DonorReport"), Immutable]
public sealed record DonorReport(H3Index Cell, double Supply, double Demand, IReadOnlyList<DriverPresence> Drivers);
