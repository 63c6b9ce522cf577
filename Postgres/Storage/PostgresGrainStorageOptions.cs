using System.Text.Json;

namespace SupplyGrid.Runtime.Postgres.Storage;

/// <summary>Settings of a <c>postgres</c> grain storage provider (configuration section "Postgres:Storage").</summary>
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

    public void Validate()
    {
        if (MaxBatchSize < 1)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxBatchSize)}", MaxBatchSize, "must be at least 1.");
        if (MaxConcurrentBatches < 1)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxConcurrentBatches)}", MaxConcurrentBatches, "must be at least 1.");
        if (SerializerOptions is null)
            throw new ArgumentNullException($"{SectionName}:{nameof(SerializerOptions)}");
    }
}
