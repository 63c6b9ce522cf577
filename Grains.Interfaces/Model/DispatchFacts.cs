using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>What the ODRD ranking needs from one driver grain.</summary>
/// <param name="Known">False until the first usable ping.</param>
/// <param name="Available">Counted as supply now.</param>
/// <param name="Suspect">The last position was an impossible jump.</param>
/// <param name="Position">The last trusted position.</param>
/// <param name="Cell">The cell of that position (default when unknown).</param>
/// <param name="AcceptanceRate">Share of dispatched jobs accepted, 0..1.</param>
/// <param name="Rating">Average rider rating, 0..5.</param>
[GenerateSerializer, Alias("supplygrid.DispatchFacts"), Immutable]
public readonly record struct DispatchFacts(bool Known, bool Available, bool Suspect, LatLng Position, H3Index Cell, double AcceptanceRate, double Rating);
