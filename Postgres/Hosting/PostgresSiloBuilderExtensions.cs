using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Providers;
using SupplyGrid.Postgres.Health;
using SupplyGrid.Postgres.History;
using SupplyGrid.Postgres.Storage;

namespace SupplyGrid.Postgres.Hosting;

/// <summary>
/// Puts an Orleans silo on PostgreSQL, for example
/// <c>silo.AddPostgresGrainStorageAsDefault().UsePostgresReminderService().AddPostgresMigrations(typeof(Program).Assembly)</c>.
/// The connection string is the configuration key <c>ConnectionStrings:Postgres</c>; other settings come from the
/// section <c>Postgres</c>, and <see cref="ConfigurePostgres"/> sets them in code. Every registration shares one pooled
/// data source, and the silo's start waits for the database and applies the migrations before its runtime starts.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Registers a PostgreSQL grain storage provider as Orleans' default one ("Default").</summary>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder silo, Action<PostgresGrainStorageOptions>? configure = null) =>
        silo.AddPostgresGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>
    /// Registers a PostgreSQL grain storage provider under <paramref name="name"/> (a later registration of a name wins),
    /// with its named <see cref="PostgresGrainStorageOptions"/>: the section "Postgres:Storage", then <paramref name="configure"/>.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, Action<PostgresGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrEmpty(name);
        silo.Services.AddPostgresGrainStorage(name, configure);
        return silo;
    }

    /// <summary>Keeps reminders in PostgreSQL, so they survive silo restarts and crashes (and adds Orleans' reminder service).</summary>
    public static ISiloBuilder UsePostgresReminderService(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddReminders();
        silo.Services.UsePostgresReminderTable();
        return silo;
    }

    /// <summary>
    /// Registers the batched writer of one history table, an <see cref="IHistoryWriter{TRow}"/>, configured by the
    /// named <see cref="HistoryTableOptions"/> of the table (section "Postgres:History:{table}"). Its write loop runs
    /// from the silo's application services until after the silo has deactivated its grains.
    /// </summary>
    public static ISiloBuilder AddPostgresHistory<TRow>(this ISiloBuilder silo) where TRow : IHistoryRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddPostgresHistoryTable<TRow>();
        return silo;
    }

    /// <summary>Applies the migrations embedded in <paramref name="assembly"/> (resources "migrations/NNNN_name.sql") with this project's own.</summary>
    public static ISiloBuilder AddPostgresMigrations(this ISiloBuilder silo, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddPostgresMigrations(assembly);
        return silo;
    }

    /// <summary>Sets PostgreSQL options in code, after configuration (e.g. a connection string a test created).</summary>
    public static ISiloBuilder ConfigurePostgres(this ISiloBuilder silo, Action<PostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        silo.Services.AddPostgresCore();
        silo.Services.Configure(configure);
        return silo;
    }

    /// <summary>Adds the PostgreSQL check (named "postgres" unless told otherwise) for a health endpoint.</summary>
    public static IHealthChecksBuilder AddPostgres(this IHealthChecksBuilder checks, string name = "postgres")
    {
        ArgumentNullException.ThrowIfNull(checks);
        checks.Services.AddPostgresCore();
        return checks.AddCheck<PostgresHealthCheck>(name, tags: ["postgres"]);
    }
}
