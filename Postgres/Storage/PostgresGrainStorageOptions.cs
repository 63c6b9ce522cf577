using System.Text.Json;

namespace SupplyGrid.Postgres.Storage;

/// <summary>
/// Settings of a PostgreSQL grain storage provider, named options per provider name; every provider binds the
/// configuration section "Postgres:Storage", then the code's own configuration applies.
/// </summary>
public sealed class PostgresGrainStorageOptions
{
    public const string SectionName = "Postgres:Storage";

    /// <summary>
    /// Most state reads and writes sent to the database in one round trip (and one commit). Concurrent grains'
    /// operations are gathered while earlier batches are in flight; a lone operation goes out at once.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Batches in flight at once (each holds one pooled connection while it runs).</summary>
    public int MaxConcurrentBatches { get; set; } = 4;

    /// <summary>How states become JSONB (set in code; not bound from configuration).</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = JsonSerializerOptions.Default;

    /// <param name="name">The provider's name, for the message.</param>
    public void Validate(string name)
    {
        if (MaxBatchSize < 1)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxBatchSize)}", MaxBatchSize, $"must be at least 1 (grain storage '{name}').");
        if (MaxConcurrentBatches < 1)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxConcurrentBatches)}", MaxConcurrentBatches, $"must be at least 1 (grain storage '{name}').");
        if (SerializerOptions is null)
            throw new ArgumentNullException($"{SectionName}:{nameof(SerializerOptions)}", $"Grain storage '{name}' has no serializer options.");
    }
}
