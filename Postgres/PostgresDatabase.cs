using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SupplyGrid.Postgres.Health;

namespace SupplyGrid.Postgres;

/// <summary>
/// The silo's PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> shared by storage, reminders and history,
/// bounded retry of transient failures with backoff, and the <see cref="PostgresHealth"/> record every call reports to.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly PostgresOptions _options;
    private readonly ILogger<PostgresDatabase> _logger;

    public PostgresDatabase(IOptions<PostgresOptions> options, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _logger = loggerFactory.CreateLogger<PostgresDatabase>();
        var builder = new NpgsqlDataSourceBuilder(_options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        // The storage and reminder statements are few and hot: let Npgsql prepare them unless the operator chose otherwise.
        if (settings.MaxAutoPrepare == 0)
            settings.MaxAutoPrepare = 32;
        settings.ApplicationName ??= "supplygrid";
        builder.UseLoggerFactory(loggerFactory);
        DataSource = builder.Build();
        Endpoint = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        Health = new PostgresHealth(Endpoint);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>host:port/database, for messages and health (never the password).</summary>
    public string Endpoint { get; }

    public PostgresHealth Health { get; }

    internal PostgresOptions Options => _options;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given the number of earlier failed attempts) and retries it on transient
    /// failures up to <see cref="PostgresOptions.MaxRetries"/> times. A database that stays unreachable surfaces as
    /// <see cref="PostgresUnavailableException"/>; other errors pass through. Every outcome is recorded in <see cref="Health"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(string operation, Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                var result = await attempt(retry, cancellationToken);
                Health.RecordSuccess();
                return result;
            }
            catch (Exception error) when (PostgresFailures.IsTransient(error) && retry < _options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                Health.RecordFailure(operation, error);
                var delay = RetryBackoff.Delay(retry, _options.RetryBaseDelay, _options.RetryMaxDelay);
                _logger.LogWarning(error, "PostgreSQL {Operation} on {Endpoint} failed transiently; retry {Retry} of {MaxRetries} in {Delay} ms",
                    operation, Endpoint, retry + 1, _options.MaxRetries, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception error) when (error is NpgsqlException)
            {
                Health.RecordFailure(operation, error);
                if (!PostgresFailures.IsUnavailable(error))
                    throw;
                var detail = retry == 0 ? error.Message : $"{error.Message} (gave up after {retry + 1} attempts)";
                throw new PostgresUnavailableException(Endpoint, operation, detail, error);
            }
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
