using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Postgres.Tests.Grains;
using SupplyGrid.Runtime.Storage;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Runtime.Postgres.Tests;

/// <summary>The providers inside a running silo (the test host), registered the way the silo registers them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GridTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_postgres_registration_of_the_default_name_replaces_the_memory_one_and_state_survives_a_restart()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await StartAsync(connectionString, g => g.AddPostgresGrainStorage(GrainStorageNames.Default));
        await host.GrainFactory.GetGrain<IProfileGrain>("ana").Save("Ana");

        await host.RestartAsync();

        Assert.Equal("Ana", await host.GrainFactory.GetGrain<IProfileGrain>("ana").Name());
        Assert.Equal("1", await host.GrainFactory.GetGrain<IProfileGrain>("ana").Etag());
        Assert.Equal(0, host.Storage.Count);
        Assert.Equal("Ana", await PostgresFixture.ScalarAsync<string>(connectionString,
            "SELECT payload->>'Name' FROM grain_state WHERE grain_type = 'profile' AND grain_key = 'ana'"));
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it_from_the_postgres_table()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var log = new ReminderLog();
        await using var host = await StartAsync(connectionString, g => g.UsePostgresReminderTable(), log);
        await host.GrainFactory.GetGrain<IWakeUpGrain>("w").Schedule("shift-start", TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));

        await host.RestartAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));

        await Eventually.TrueAsync(() => log.Ticks.Contains("w:shift-start"), "the reminder tick after the restart");
        Assert.Empty(await host.Reminders.ReadAllAsync(CancellationToken.None));
        Assert.Equal(1, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM reminders WHERE grain_key = 'w'"));
    }

    [Fact]
    public async Task The_silo_does_not_start_without_a_connection_string_and_says_which_key_is_missing()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => GridTestHost.StartAsync(g => g.AddGrain<ProfileGrain>().AddPostgresGrainStorage()));

        Assert.Equal(PostgresOptions.ConnectionStringKey, error.ParamName);
    }

    [Fact]
    public async Task The_silo_does_not_start_when_the_database_stays_unreachable_and_names_it()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Database=grid;Username=grid;Timeout=1";

        var error = await Assert.ThrowsAsync<PostgresUnavailableException>(() => GridTestHost.StartAsync(g => g
            .AddGrain<ProfileGrain>()
            .AddPostgresGrainStorage()
            .ConfigurePostgres(o =>
            {
                o.ConnectionString = unreachable;
                o.MaxRetries = 0;
                o.StartupTimeout = TimeSpan.FromSeconds(1);
            })));

        Assert.Equal("127.0.0.1:1/grid", error.Endpoint);
    }

    private static Task<GridTestHost> StartAsync(string connectionString, Action<GridBuilder> postgres, ReminderLog? log = null) =>
        GridTestHost.StartAsync(
            g =>
            {
                g.AddGrain<ProfileGrain>().AddGrain<WakeUpGrain>();
                postgres(g);
                g.ConfigurePostgres(o => o.ConnectionString = connectionString);
            },
            services => services.AddSingleton(log ?? new ReminderLog()));
}
