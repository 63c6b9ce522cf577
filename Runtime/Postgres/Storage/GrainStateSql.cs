using Npgsql;
using NpgsqlTypes;

namespace SupplyGrid.Runtime.Postgres.Storage;

/// <summary>The statements of the grain_state table (0001_grain_state.sql), one per operation kind, with positional parameters.</summary>
internal static class GrainStateSql
{
    private const string Row = "grain_type = $1 AND grain_key = $2 AND state_name = $3";

    private const string Read = $"SELECT payload, version FROM grain_state WHERE {Row}";

    private const string Insert =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, 1) ON CONFLICT DO NOTHING RETURNING version";

    private const string Update =
        $"UPDATE grain_state SET payload = $4, version = version + 1, updated_at = now() WHERE {Row} AND version = $5 RETURNING version";

    private const string Delete = $"DELETE FROM grain_state WHERE {Row} AND version = $4 RETURNING version";

    private const string Version = $"SELECT version FROM grain_state WHERE {Row}";

    /// <summary>After a write matched nothing: the stored version, and whether the stored payload is the one we sent.</summary>
    private const string Conflict = $"SELECT version, coalesce(payload = $4, false) FROM grain_state WHERE {Row}";

    public static NpgsqlBatchCommand Command(StateOperation operation)
    {
        var command = operation.Kind switch
        {
            StateOperationKind.Read => new NpgsqlBatchCommand(Read),
            StateOperationKind.Insert => new NpgsqlBatchCommand(Insert),
            StateOperationKind.Update => new NpgsqlBatchCommand(Update),
            StateOperationKind.Delete => new NpgsqlBatchCommand(Delete),
            StateOperationKind.CheckAbsent => new NpgsqlBatchCommand(Version),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "unknown operation kind"),
        };
        AddRow(command, operation);
        switch (operation.Kind)
        {
            case StateOperationKind.Insert:
                command.Parameters.Add(Payload(operation.Payload));
                break;
            case StateOperationKind.Update:
                command.Parameters.Add(Payload(operation.Payload));
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = operation.ExpectedVersion });
                break;
            case StateOperationKind.Delete:
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = operation.ExpectedVersion });
                break;
        }

        return command;
    }

    public static NpgsqlBatchCommand ConflictCommand(StateOperation operation)
    {
        var command = new NpgsqlBatchCommand(Conflict);
        AddRow(command, operation);
        command.Parameters.Add(Payload(operation.Payload));
        return command;
    }

    private static void AddRow(NpgsqlBatchCommand command, StateOperation operation)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.GrainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.GrainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = operation.StateName });
    }

    private static NpgsqlParameter Payload(byte[]? utf8Json) => utf8Json is null
        ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = DBNull.Value }
        : new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = utf8Json };
}
