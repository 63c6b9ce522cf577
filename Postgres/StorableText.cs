namespace SupplyGrid.Postgres;

/// <summary>Checks that a value can be stored as PostgreSQL text (which cannot hold NUL characters), naming the argument.</summary>
internal static class StorableText
{
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.Contains('\0'))
            throw new ArgumentException("The value contains a NUL character, which PostgreSQL text cannot store.", paramName);
    }
}
