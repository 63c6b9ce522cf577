namespace SupplyGrid.Runtime.Postgres;

/// <summary>Checks that a value can be stored as PostgreSQL text (which cannot hold NUL characters), naming the argument.</summary>
internal static class StorableText
{
    public static void ThrowIfInvalid(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.Contains('\0'))
            throw new ArgumentException("The value contains a NUL character, which PostgreSQL text cannot store.", paramName);
    }

    public static void ThrowIfInvalid(GrainId grainId, string paramName)
    {
        if (grainId.IsDefault)
            throw new ArgumentException("The grain id is the default value.", paramName);
        if (grainId.Type.Contains('\0') || grainId.Key.Contains('\0'))
            throw new ArgumentException($"Grain id {grainId} contains a NUL character, which PostgreSQL text cannot store.", paramName);
    }
}
