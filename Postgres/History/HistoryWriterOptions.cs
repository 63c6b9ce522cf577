namespace SupplyGrid.Postgres.History;

/// <summary>Settings shared by the history tables (configuration section "Postgres:History").</summary>
public sealed class HistoryWriterOptions
{
    public const string SectionName = HistoryTableOptions.SectionPrefix;

    /// <summary>How long the silo's shutdown waits for buffered rows to be written; what remains after it is reported lost.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public void Validate()
    {
        if (ShutdownTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(ShutdownTimeout)}", ShutdownTimeout, "must be positive.");
    }
}
