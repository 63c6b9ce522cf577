namespace SupplyGrid.Simulator;

/// <summary>What a replay reader made of a file: every data row lands in exactly one count.</summary>
/// <param name="Rows">Data rows read (the header and blank lines excluded).</param>
/// <param name="Kept">Rows that became pickups.</param>
/// <param name="Malformed">Rows that could not be parsed (wrong field count, bad time or number, coordinates out of range).</param>
/// <param name="OutOfBounds">Well-formed rows whose pickup or dropoff lies outside the city.</param>
/// <param name="OtherBase">Well-formed rows of another dispatching base than the one asked for.</param>
/// <param name="OutsideDates">Well-formed rows outside the date range asked for.</param>
/// <param name="Errors">The first malformed rows, as "line N: reason".</param>
public sealed record ReplayReadReport(
    int Rows,
    int Kept,
    int Malformed,
    int OutOfBounds,
    int OtherBase,
    int OutsideDates,
    IReadOnlyList<string> Errors);
