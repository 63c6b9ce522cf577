using Orleans.Runtime;

namespace SupplyGrid.Postgres.Tests.Cluster;

/// <summary>Orleans' reminder service on the PostgreSQL reminder table, on fake time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderServiceTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Due = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_registered_reminder_is_stored_with_its_grain_hash_and_fires_when_its_time_comes()
    {
        var silo = await postgres.SharedClusterAsync();
        var grain = silo.Grains.GetGrain<IWakeUpGrain>("fires");
        using var watch = new ReminderWatch();

        await grain.Schedule("shift-start", Due, Period);
        await watch.ArmedAsync(grain.GetGrainId(), "shift-start");
        Assert.DoesNotContain("fires:shift-start", silo.Log.Ticks);
        silo.Clock.Advance(Due);

        await Eventually.TrueAsync(() => silo.Log.Ticks.Contains("fires:shift-start"), "the reminder's first tick");
        Assert.Equal((long)grain.GetGrainId().GetUniformHashCode(), await PostgresFixture.ScalarAsync<long>(silo.ConnectionString,
            "SELECT grain_hash FROM reminders WHERE grain_type = 'wakeup' AND grain_key = 'fires' AND reminder_name = 'shift-start'"));
    }

    [Fact]
    public async Task An_unregistered_reminder_leaves_the_table()
    {
        var silo = await postgres.SharedClusterAsync();
        var grain = silo.Grains.GetGrain<IWakeUpGrain>("cancelled");
        await grain.Schedule("shift-start", Due, Period);
        Assert.Equal(1L, await Count());

        await grain.Cancel("shift-start");

        Assert.Equal(0L, await Count());

        Task<long> Count() => PostgresFixture.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM reminders WHERE grain_key = 'cancelled'");
    }

    [Fact]
    public async Task A_reminder_registered_before_the_silo_stopped_fires_from_the_table_in_the_silo_that_replaces_it()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        ClusterFixture? first = null;
        try
        {
            first = await ClusterFixture.StartAsync(connectionString);
            await first.Grains.GetGrain<IWakeUpGrain>("survivor").Schedule("shift-start", Due, Period);
            await first.DisposeAsync();
            var (clock, log) = (first.Clock, first.Log);
            first = null;

            using var watch = new ReminderWatch();
            await using var second = await ClusterFixture.StartAsync(connectionString, clock, log);
            await watch.ArmedAsync(GrainId.Create("wakeup", "survivor"), "shift-start");
            Assert.Empty(log.Ticks);
            clock.Advance(Due);

            await Eventually.TrueAsync(() => log.Ticks.Contains("survivor:shift-start"), "the reminder's tick in the second silo");
        }
        finally
        {
            if (first is not null)
                await first.DisposeAsync();
        }
    }
}
