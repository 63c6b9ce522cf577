using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Runtime.Postgres;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;
using SupplyGrid.Runtime.Postgres.Migrations;
using SupplyGrid.Runtime.Postgres.Reminders;
using SupplyGrid.Runtime.Postgres.Storage;

namespace SupplyGrid.Runtime.Hosting;

/// <summary>
/// Puts the grid on PostgreSQL: <c>services.AddGrid(grid => grid.AddPostgresGrainStorage().UsePostgresReminderTable().AddPostgresHistory())</c>.
/// The connection string is the configuration key <c>ConnectionStrings:Postgres</c>; other settings come from the
/// section <c>Postgres</c>. Every registration shares one pooled data source, and the silo's start waits for the
/// database and applies the migrations before the grid starts.
/// </summary>
public static class PostgresGridBuilderExtensions
{
    public const string DefaultStorageName = "postgres";

    /// <summary>Registers the <c>postgres</c> grain storage provider under <paramref name="name"/> (a later registration of a name wins).</summary>
    public static GridBuilder AddPostgresGrainStorage(this GridBuilder grid, string name = DefaultStorageName, Action<PostgresGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddPostgresCore(grid.Services);
        var options = grid.Services.AddOptions<PostgresGrainStorageOptions>(name)
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(PostgresGrainStorageOptions.SectionName).Bind(o));
        if (configure is not null)
            options.Configure(configure);
        return grid.AddGrainStorage(name, sp => new PostgresGrainStorage(
            sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<PostgresMigrator>(),
            sp.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(name),
            sp.GetRequiredService<ILogger<PostgresGrainStorage>>()));
    }

    /// <summary>Keeps reminders in PostgreSQL, so they survive silo restarts and crashes.</summary>
    public static GridBuilder UsePostgresReminderTable(this GridBuilder grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        AddPostgresCore(grid.Services);
        return grid.UseReminderTable(sp => new PostgresReminderTable(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<PostgresMigrator>()));
    }

    /// <summary>
    /// Registers the batched writers of the analytics history tables, one <see cref="IHistoryWriter{TRow}"/> per row
    /// record, and the background service that writes them. Registered here, inside the grid's configuration, the
    /// writer stops after the grid, so grains can still write history while they deactivate.
    /// </summary>
    public static GridBuilder AddPostgresHistory(this GridBuilder grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var services = grid.Services;
        AddPostgresCore(services);
        services.AddOptions<HistoryWriterOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(HistoryWriterOptions.SectionName).Bind(o))
            .Validate(o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        AddHistoryTable<SupplyDemandMetricRow>(services);
        AddHistoryTable<RepositionSuggestionRow>(services);
        AddHistoryTable<IncentiveCampaignRow>(services);
        AddHistoryTable<DriverIncentiveRow>(services);
        AddHistoryTable<TripAnalyticsRow>(services);
        AddHistoryTable<DriverPerformanceRow>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HistoryWriterService>());
        return grid;
    }

    /// <summary>Sets PostgreSQL options in code, after configuration (e.g. a connection string a test created).</summary>
    public static GridBuilder ConfigurePostgres(this GridBuilder grid, Action<PostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(configure);
        AddPostgresCore(grid.Services);
        grid.Services.Configure(configure);
        return grid;
    }

    /// <summary>Adds the PostgreSQL check (named "postgres") for <c>/health/detailed</c>.</summary>
    public static IHealthChecksBuilder AddPostgres(this IHealthChecksBuilder checks, string name = "postgres")
    {
        ArgumentNullException.ThrowIfNull(checks);
        AddPostgresCore(checks.Services);
        return checks.AddCheck<PostgresHealthCheck>(name, tags: ["postgres"]);
    }

    private static void AddHistoryTable<TRow>(IServiceCollection services) where TRow : IHistoryRow<TRow>
    {
        var schema = TRow.Schema;
        if (services.Any(d => d.ServiceType == typeof(HistoryTable<TRow>)))
            return;
        services.AddOptions<HistoryTableOptions>(schema.Table)
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection($"{HistoryTableOptions.SectionPrefix}:{schema.Table}").Bind(o));
        services.AddSingleton<HistoryTable<TRow>>();
        services.AddSingleton<IHistoryWriter<TRow>>(sp => sp.GetRequiredService<HistoryTable<TRow>>());
        services.AddSingleton<IHistoryTableRunner>(sp => sp.GetRequiredService<HistoryTable<TRow>>());
    }

    /// <summary>The options, the shared database and the start-up migration, once per service collection.</summary>
    private static void AddPostgresCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PostgresDatabase)))
            return;
        services.AddOptions<PostgresOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                if (sp.GetService<IConfiguration>() is not { } configuration)
                    return;
                configuration.GetSection(PostgresOptions.SectionName).Bind(o);
                if (configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
                    o.ConnectionString = connectionString;
            })
            .Validate(o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<PostgresDatabase>().Health);
        services.AddSingleton<PostgresMigrator>();
        services.AddHostedService<PostgresStartupService>();
    }
}
