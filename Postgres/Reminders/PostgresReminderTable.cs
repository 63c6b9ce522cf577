using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Postgres.Migrations;

namespace SupplyGrid.Postgres.Reminders;

/// <summary>
/// Orleans' reminder table over our reminders table (0002_reminders.sql, 0010_reminder_grain_hash.sql): reminders
/// survive silo restarts and process crashes. Each row keeps the grain id's uniform hash, so that a silo reads the
/// reminders of its range of the ring. Times are stored as timestamptz (microsecond precision), periods as interval;
/// every upsert takes a new etag from a sequence, and a removal only takes effect with the row's current etag.
/// </summary>
public sealed class PostgresReminderTable(PostgresDatabase database, PostgresMigrator migrator) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period, etag";

    /// <summary>Applies the migrations, then gives rows written before the hash column existed their hash.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await migrator.EnsureMigratedAsync(cancellationToken);
        await database.RunAsync("hash older reminders", async (_, ct) =>
        {
            var grains = new List<GrainRow>();
            await using (var select = database.DataSource.CreateCommand("SELECT DISTINCT grain_type, grain_key FROM reminders WHERE grain_hash IS NULL"))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    grains.Add(new GrainRow(reader.GetString(0), reader.GetString(1)));
            }

            foreach (var grain in grains)
            {
                await using var update = database.DataSource.CreateCommand(
                    "UPDATE reminders SET grain_hash = $3 WHERE grain_type = $1 AND grain_key = $2 AND grain_hash IS NULL");
                AddGrain(update, grain);
                update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = grain.ToGrainId().GetUniformHashCode() });
                await update.ExecuteNonQueryAsync(ct);
            }

            return grains.Count;
        }, cancellationToken);
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        var grain = GrainRow.Of(grainId, nameof(grainId));
        return ReadAsync("read the reminders of a grain", $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2",
            command => AddGrain(command, grain), cancellationToken);
    }

    /// <summary>
    /// The reminders of the grains whose hash lies in the ring range (<paramref name="begin"/>, <paramref name="end"/>]:
    /// begin excluded, end included, wrapping past the top when begin is not below end (begin = end is the whole ring).
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var range = begin < end ? "grain_hash > $1 AND grain_hash <= $2" : "grain_hash > $1 OR grain_hash <= $2";
        return ReadAsync("read the reminders of a ring range", $"SELECT {Columns} FROM reminders WHERE {range}", command =>
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = begin });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = end });
        }, cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var grain = GrainRow.Of(grainId, nameof(grainId));
        StorableText.ThrowIfInvalid(reminderName, nameof(reminderName));
        var rows = await ReadAsync("read a reminder",
            $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3", command =>
            {
                AddGrain(command, grain);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
            }, cancellationToken);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Inserts the reminder or replaces its schedule, whatever etag the entry holds; returns the new etag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var grain = GrainRow.Of(entry.GrainId, nameof(entry));
        StorableText.ThrowIfInvalid(entry.ReminderName, nameof(entry));
        if (entry.Period <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Period, "A reminder's period must be positive.");
        // Orleans reads a start time without a kind as UTC (and so does this table); a local time is converted.
        var startAt = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc);
        var rows = await ReadAsync("upsert a reminder", $"""
            INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period, grain_hash) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (grain_type, grain_key, reminder_name)
            DO UPDATE SET start_at = excluded.start_at, period = excluded.period, grain_hash = excluded.grain_hash, etag = nextval('reminder_etag')
            RETURNING {Columns}
            """, command =>
        {
            AddGrain(command, grain);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = startAt });
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = entry.Period });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.GrainId.GetUniformHashCode() });
        }, cancellationToken);
        return rows.Reminders[0].ETag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the reminder if the table still holds it with <paramref name="eTag"/>; false otherwise.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var grain = GrainRow.Of(grainId, nameof(grainId));
        StorableText.ThrowIfInvalid(reminderName, nameof(reminderName));
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag))
            return Task.FromResult(false);
        return database.RunAsync("remove a reminder", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand(
                "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND etag = $4");
            AddGrain(command, grain);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = etag });
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken);
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        database.RunAsync("clear the reminders", async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand("DELETE FROM reminders");
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private Task<ReminderTableData> ReadAsync(string operation, string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken) =>
        database.RunAsync(operation, async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand(sql);
            parameters(command);
            var entries = new List<ReminderEntry>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = new GrainRow(reader.GetString(0), reader.GetString(1)).ToGrainId(),
                    ReminderName = reader.GetString(2),
                    StartAt = reader.GetFieldValue<DateTime>(3),
                    Period = reader.GetFieldValue<TimeSpan>(4),
                    ETag = reader.GetInt64(5).ToString(CultureInfo.InvariantCulture),
                });
            }

            return new ReminderTableData(entries);
        }, cancellationToken);

    private static void AddGrain(NpgsqlCommand command, GrainRow grain)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key });
    }
}
