using Npgsql;

namespace SupplyGrid.Postgres.History;

/// <summary>A row of one history table: knows its table, checks itself, and writes itself to binary COPY.</summary>
public interface IHistoryRow<TSelf> where TSelf : IHistoryRow<TSelf>
{
    static abstract HistoryTableSchema Schema { get; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the field when the row breaks a rule of its table.</summary>
    void Validate();

    /// <summary>Writes the row's values in the order of <see cref="HistoryTableSchema.Columns"/> (the importer's row is started).</summary>
    void Write(NpgsqlBinaryImporter importer);
}

/// <summary>
/// A history table (created by the host's migrations) and the columns a row writes. <paramref name="MayDrop"/>: rows of this table
/// may be dropped (and counted) when the buffer is full; the others make writers wait instead.
/// </summary>
public sealed record HistoryTableSchema(string Table, IReadOnlyList<string> Columns, bool MayDrop)
{
    internal string ColumnList { get; } = string.Join(", ", Columns);
}
