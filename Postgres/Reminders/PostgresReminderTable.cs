using System.Globalization;
using Npgsql;
using SupplyGrid.Runtime.Postgres.Migrations;
using SupplyGrid.Runtime.Reminders;

namespace SupplyGrid.Runtime.Postgres.Reminders;

/// <summary>
/// Reminders in the PostgreSQL reminders table (0002_reminders.sql): they survive silo restarts and process crashes,
/// and a restarted silo schedules them again. Times are stored as timestamptz (microsecond precision), periods as
/// interval; every upsert takes a new etag from a sequence.
/// </summary>
public sealed class PostgresReminderTable(PostgresDatabase database, PostgresMigrator migrator) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period, etag";

    public Task InitializeAsync(CancellationToken cancellationToken) => migrator.EnsureMigratedAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        database.RunAsync("read reminders", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM reminders");
            return await ReadEntriesAsync(command, ct);
        }, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        StorableText.ThrowIfInvalid(grainId, nameof(grainId));
        return database.RunAsync("read reminders of a grain", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2");
            AddGrainId(command, grainId);
            return await ReadEntriesAsync(command, ct);
        }, cancellationToken);
    }

    public Task<ReminderEntry> UpsertRowAsync(GrainId grainId, string reminderName, DateTime startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        StorableText.ThrowIfInvalid(grainId, nameof(grainId));
        StorableText.ThrowIfInvalid(reminderName, nameof(reminderName));
        if (startAt.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"A reminder's start time must be UTC (DateTimeKind.Utc), not {startAt.Kind}.", nameof(startAt));
        if (period <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder's period must be positive.");
        return database.RunAsync("upsert a reminder", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand($"""
                INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (grain_type, grain_key, reminder_name)
                DO UPDATE SET start_at = excluded.start_at, period = excluded.period, etag = nextval('reminder_etag')
                RETURNING {Columns}
                """);
            AddGrainId(command, grainId);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = startAt });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = period });
            return (await ReadEntriesAsync(command, ct))[0];
        }, cancellationToken);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        StorableText.ThrowIfInvalid(grainId, nameof(grainId));
        StorableText.ThrowIfInvalid(reminderName, nameof(reminderName));
        return database.RunAsync("remove a reminder", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand("DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
            AddGrainId(command, grainId);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTime>(3),
                reader.GetFieldValue<TimeSpan>(4),
                reader.GetInt64(5).ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    private static void AddGrainId(NpgsqlCommand command, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
    }
}
