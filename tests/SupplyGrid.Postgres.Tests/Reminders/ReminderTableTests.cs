using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Postgres.Migrations;
using SupplyGrid.Postgres.Reminders;

namespace SupplyGrid.Postgres.Tests.Reminders;

/// <summary>The reminder table as Orleans' reminder service uses it, on a scratch database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderTableTests(PostgresFixture postgres)
{
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_schedule_and_a_new_etag_on_every_upsert()
    {
        var (table, database) = await OpenAsync();
        await using var _ = database;
        var grain = GrainId.Create("wakeup", "w-1");

        var first = await table.UpsertRow(Entry(grain, "shift-start", Start, TimeSpan.FromHours(1)));
        var second = await table.UpsertRow(Entry(grain, "shift-start", Start.AddMinutes(5), TimeSpan.FromMinutes(30)));
        var read = await table.ReadRow(grain, "shift-start");

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal((grain, "shift-start", Start.AddMinutes(5), TimeSpan.FromMinutes(30), second),
            (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Null(await table.ReadRow(grain, "shift-end"));
        Assert.Single((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task A_removal_takes_effect_only_with_the_current_etag()
    {
        var (table, database) = await OpenAsync();
        await using var _ = database;
        var grain = GrainId.Create("wakeup", "w-1");
        var stale = await table.UpsertRow(Entry(grain, "r", Start, TimeSpan.FromHours(1)));
        var current = await table.UpsertRow(Entry(grain, "r", Start, TimeSpan.FromHours(2)));

        Assert.False(await table.RemoveRow(grain, "r", stale!));
        Assert.False(await table.RemoveRow(grain, "r", "not an etag"));
        Assert.True(await table.RemoveRow(grain, "r", current!));
        Assert.False(await table.RemoveRow(grain, "r", current!));
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task A_range_read_returns_the_reminders_whose_grain_hash_lies_in_the_range_begin_excluded_end_included_and_wraps()
    {
        var (table, database) = await OpenAsync();
        await using var _ = database;
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("wakeup", $"w-{i}")).ToArray();
        foreach (var grain in grains)
            await table.UpsertRow(Entry(grain, "r", Start, TimeSpan.FromHours(1)));
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var (low, high) = (hashes[10], hashes[30]);

        var inside = await Keys(table.ReadRows(low, high));
        var wrapped = await Keys(table.ReadRows(high, low));
        var whole = await Keys(table.ReadRows(low, low));

        Assert.Equal(Expected(h => h > low && h <= high), inside);
        Assert.Equal(20, inside.Count);
        Assert.Equal(Expected(h => h > high || h <= low), wrapped);
        Assert.Equal(40, inside.Count + wrapped.Count);
        Assert.Equal(40, whole.Count);

        HashSet<GrainId> Expected(Func<uint, bool> inRange) => grains.Where(g => inRange(g.GetUniformHashCode())).ToHashSet();
    }

    [Fact]
    public async Task Reminders_stored_before_the_hash_column_get_their_hash_when_the_table_starts()
    {
        var (table, database) = await OpenAsync();
        await using var _ = database;
        var grain = GrainId.Create("wakeup", "from-before");
        await PostgresFixture.ExecuteAsync(database.DataSource.ConnectionString,
            "INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period) VALUES ('wakeup', 'from-before', 'r', now(), interval '1 hour')");
        Assert.Empty((await table.ReadRows(0, 0)).Reminders);

        await table.StartAsync();

        var found = Assert.Single((await table.ReadRows(0, 0)).Reminders);
        Assert.Equal(grain, found.GrainId);
        Assert.Equal((long)grain.GetUniformHashCode(), await PostgresFixture.ScalarAsync<long>(database.DataSource.ConnectionString,
            "SELECT grain_hash FROM reminders WHERE grain_key = 'from-before'"));
    }

    private async Task<(PostgresReminderTable Table, PostgresDatabase Database)> OpenAsync()
    {
        var database = PostgresFixture.OpenDatabase(await postgres.CreateDatabaseAsync());
        var table = new PostgresReminderTable(database, new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance));
        await table.StartAsync();
        return (table, database);
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    private static async Task<HashSet<GrainId>> Keys(Task<ReminderTableData> read) =>
        (await read).Reminders.Select(r => r.GrainId).ToHashSet();
}
