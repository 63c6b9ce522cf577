using Npgsql;

namespace SupplyGrid.Postgres;

/// <summary>
/// The silo's PostgreSQL settings: the connection string from <c>ConnectionStrings:Postgres</c> (environment variable
/// <c>ConnectionStrings__Postgres</c>), the rest from the configuration section <c>Postgres</c>.
/// </summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Postgres";

    public const string ConnectionStringKey = "ConnectionStrings:Postgres";

    /// <summary>An Npgsql connection string; pooling settings (Maximum Pool Size, Timeout, ...) apply as given.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Retries after the first attempt of an operation that failed transiently (connection lost, timeout, deadlock).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Backoff before the first retry; doubles per retry, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the silo's start waits for the database to accept connections before it fails.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException(
                $"The PostgreSQL connection string is missing: set the configuration key {ConnectionStringKey} (environment variable ConnectionStrings__Postgres).",
                ConnectionStringKey);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The configuration key {ConnectionStringKey} is not a valid Npgsql connection string: {error.Message}", ConnectionStringKey, error);
        }

        if (MaxRetries < 0)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxRetries)}", MaxRetries, "must be 0 or more.");
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(RetryMaxDelay, nameof(RetryMaxDelay));
        Positive(StartupTimeout, nameof(StartupTimeout));
        if (RetryMaxDelay < RetryBaseDelay)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(RetryMaxDelay)}", RetryMaxDelay, $"must be at least {SectionName}:{nameof(RetryBaseDelay)} ({RetryBaseDelay}).");
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException($"{SectionName}:{name}", value, "must be positive.");
    }
}
