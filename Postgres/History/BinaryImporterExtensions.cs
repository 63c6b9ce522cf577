using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace SupplyGrid.Postgres.History;

/// <summary>Typed COPY writes for the values history rows hold, for <see cref="IHistoryRow{TSelf}.Write"/>.</summary>
public static class BinaryImporterExtensions
{
    public static void WriteText(this NpgsqlBinaryImporter importer, string value) => importer.Write(value, NpgsqlDbType.Text);

    public static void WriteOptionalText(this NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
            importer.WriteNull();
        else
            importer.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>timestamptz takes instants in UTC only.</summary>
    public static void WriteInstant(this NpgsqlBinaryImporter importer, DateTimeOffset value) =>
        importer.Write(value.UtcDateTime, NpgsqlDbType.TimestampTz);

    public static void WriteMoney(this NpgsqlBinaryImporter importer, decimal value) => importer.Write(value, NpgsqlDbType.Numeric);

    public static void WriteCurrency(this NpgsqlBinaryImporter importer, string value) => importer.Write(value, NpgsqlDbType.Char);

    public static void WriteOptional<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
            importer.Write(present, type);
        else
            importer.WriteNull();
    }

    public static void WriteOptionalJson(this NpgsqlBinaryImporter importer, JsonElement? value)
    {
        if (value is { } json)
            importer.Write(json, NpgsqlDbType.Jsonb);
        else
            importer.WriteNull();
    }
}
