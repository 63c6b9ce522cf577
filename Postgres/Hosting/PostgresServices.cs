using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using SupplyGrid.Postgres.History;
using SupplyGrid.Postgres.Migrations;
using SupplyGrid.Postgres.Reminders;
using SupplyGrid.Postgres.Storage;

namespace SupplyGrid.Postgres.Hosting;

/// <summary>The registrations behind <see cref="PostgresSiloBuilderExtensions"/>, on the silo's service collection.</summary>
internal static class PostgresServices
{
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name, Action<PostgresGrainStorageOptions>? configure)
    {
        services.AddPostgresCore();
        var options = services.AddOptions<PostgresGrainStorageOptions>(name)
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(PostgresGrainStorageOptions.SectionName).Bind(o));
        if (configure is not null)
            options.Configure(configure);
        return services.AddGrainStorage(name, (sp, key) => new PostgresGrainStorage(
            key,
            sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<PostgresMigrator>(),
            sp.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(key),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetRequiredService<ILogger<PostgresGrainStorage>>()));
    }

    public static IServiceCollection UsePostgresReminderTable(this IServiceCollection services)
    {
        services.AddPostgresCore();
        services.TryAddSingleton<PostgresReminderTable>();
        // The last registration of IReminderTable is the one Orleans resolves.
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<PostgresReminderTable>());
        return services;
    }

    public static IServiceCollection AddPostgresHistoryTable<TRow>(this IServiceCollection services) where TRow : IHistoryRow<TRow>
    {
        services.AddPostgresCore();
        if (services.Any(d => d.ServiceType == typeof(HistoryTable<TRow>)))
            return services;
        if (!services.Any(d => d.ServiceType == typeof(HistoryWriterService)))
        {
            services.AddOptions<HistoryWriterOptions>()
                .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(HistoryWriterOptions.SectionName).Bind(o))
                .Validate(o =>
                {
                    o.Validate();
                    return true;
                })
                .ValidateOnStart();
            services.AddSingleton<HistoryWriterService>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<HistoryWriterService>());
        }

        var table = TRow.Schema.Table;
        services.AddOptions<HistoryTableOptions>(table)
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection($"{HistoryTableOptions.SectionPrefix}:{table}").Bind(o));
        services.AddSingleton<HistoryTable<TRow>>();
        services.AddSingleton<IHistoryWriter<TRow>>(sp => sp.GetRequiredService<HistoryTable<TRow>>());
        services.AddSingleton<IHistoryTableRunner>(sp => sp.GetRequiredService<HistoryTable<TRow>>());
        return services;
    }

    public static IServiceCollection AddPostgresMigrations(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddPostgresCore();
        services.AddSingleton(new HostMigrations(assembly));
        return services;
    }

    /// <summary>The options, the shared database and the start-up migration, once per service collection.</summary>
    public static IServiceCollection AddPostgresCore(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PostgresDatabase)))
            return services;
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
        services.AddSingleton(sp => new PostgresMigrator(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetServices<HostMigrations>(), sp.GetRequiredService<ILogger<PostgresMigrator>>()));
        services.AddSingleton<PostgresStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PostgresStartup>());
        return services;
    }
}
