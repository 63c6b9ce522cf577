using Orleans;
namespace SupplyGrid.Grains;

/// <summary>A booking whose pickup lies in the cell (booking grain to cell, one-way).</summary>
/// <param name="BookingId">Replays of the same booking are counted once.</param>
/// <param name="CreatedAt">The booking's event time: it counts in the demand window that contains it.</param>
[GenerateSerializer, Alias("supplygrid.CellBooking"), Immutable]
public readonly record struct CellBooking(string BookingId, DateTimeOffset CreatedAt);
