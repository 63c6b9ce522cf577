using Npgsql;
using NpgsqlTypes;

namespace SupplyGrid.Postgres.Storage;

/// <summary>
/// The set-based statements of the grain_state table (0001_grain_state.sql). Each takes all operations of one kind in
/// a batch as parallel arrays ($1 their positions in the batch, $2..$4 the row key, then payloads or versions) and
/// returns the positions of the rows it found or changed, so a batch of hundreds of operations costs the server a
/// handful of statements rather than one statement each.
/// </summary>
internal static class GrainStateSql
{
    private const string Keys = "$1::int[], $2::text[], $3::text[], $4::text[]";

    private const string Match = "g.grain_type = u.grain_type AND g.grain_key = u.grain_key AND g.state_name = u.state_name";

    /// <summary>Read and CheckAbsent: position, version, payload of the rows that exist.</summary>
    private const string Read = $"""
        SELECT u.i, g.version, g.payload
        FROM unnest({Keys}) AS u(i, grain_type, grain_key, state_name)
        JOIN grain_state g ON {Match}
        """;

    /// <summary>First writes: insert where no row exists; positions of the rows inserted.</summary>
    private const string Insert = $"""
        WITH inserted AS (
            INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version)
            SELECT grain_type, grain_key, state_name, payload, 1
            FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) AS n(grain_type, grain_key, state_name, payload)
            ON CONFLICT DO NOTHING
            RETURNING grain_type, grain_key, state_name, version)
        SELECT u.i, g.version, NULL::jsonb
        FROM unnest({Keys}) AS u(i, grain_type, grain_key, state_name)
        JOIN inserted g ON {Match}
        """;

    /// <summary>Writes: update where the row holds the expected version; positions and new versions.</summary>
    private const string Update = $"""
        UPDATE grain_state AS g SET payload = u.payload, version = g.version + 1, updated_at = now()
        FROM unnest({Keys}, $5::jsonb[], $6::int[]) AS u(i, grain_type, grain_key, state_name, payload, version)
        WHERE {Match} AND g.version = u.version
        RETURNING u.i, g.version, NULL::jsonb
        """;

    /// <summary>Clears: delete where the row holds the expected version; positions of the rows deleted.</summary>
    private const string Delete = $"""
        DELETE FROM grain_state AS g
        USING unnest({Keys}, $5::int[]) AS u(i, grain_type, grain_key, state_name, version)
        WHERE {Match} AND g.version = u.version
        RETURNING u.i, 0, NULL::jsonb
        """;

    /// <summary>After writes matched nothing: the stored versions, and whether each stored payload is the one sent.</summary>
    private const string Conflicts = $"""
        SELECT u.i, g.version, coalesce(g.payload = u.payload, false)
        FROM unnest({Keys}, $5::jsonb[]) AS u(i, grain_type, grain_key, state_name, payload)
        JOIN grain_state g ON {Match}
        """;

    public static NpgsqlBatchCommand Command(StateOperationKind kind, List<StateOperation> batch, List<int> positions) => kind switch
    {
        StateOperationKind.Read or StateOperationKind.CheckAbsent => Build(Read, batch, positions, payloads: false, versions: false),
        StateOperationKind.Insert => Build(Insert, batch, positions, payloads: true, versions: false),
        StateOperationKind.Update => Build(Update, batch, positions, payloads: true, versions: true),
        StateOperationKind.Delete => Build(Delete, batch, positions, payloads: false, versions: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operation kind"),
    };

    public static NpgsqlBatchCommand ConflictCommand(List<StateOperation> batch, List<int> positions) =>
        Build(Conflicts, batch, positions, payloads: true, versions: false);

    private static NpgsqlBatchCommand Build(string sql, List<StateOperation> batch, List<int> positions, bool payloads, bool versions)
    {
        var count = positions.Count;
        var index = new int[count];
        var types = new string[count];
        var keys = new string[count];
        var names = new string[count];
        var payload = payloads ? new string?[count] : null;
        var version = versions ? new int[count] : null;
        for (var i = 0; i < count; i++)
        {
            var operation = batch[positions[i]];
            index[i] = positions[i];
            types[i] = operation.Grain.Type;
            keys[i] = operation.Grain.Key;
            names[i] = operation.StateName;
            payload?[i] = operation.Payload;
            version?[i] = operation.ExpectedVersion;
        }

        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = index });
        command.Parameters.Add(Text(types));
        command.Parameters.Add(Text(keys));
        command.Parameters.Add(Text(names));
        if (payload is not null)
            command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = payload });
        if (version is not null)
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = version });
        return command;
    }

    private static NpgsqlParameter<string[]> Text(string[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };
}
