using System.Net.Sockets;
using Npgsql;

namespace SupplyGrid.Postgres;

/// <summary>How a failure of a database call is treated: retried, reported as an unavailable database, or passed on.</summary>
internal static class PostgresFailures
{
    /// <summary>Worth another attempt: connection broken or refused, timeout, deadlock, serialization failure, server starting.</summary>
    public static bool IsTransient(Exception error) => error is NpgsqlException { IsTransient: true };

    /// <summary>The database as a whole cannot be used: no connection, login refused, unknown database, shutting down.</summary>
    public static bool IsUnavailable(Exception error) => error switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal) // invalid authorization
            || pg.SqlState.StartsWith("3D", StringComparison.Ordinal) // invalid catalog (database does not exist)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal), // admin shutdown, crash shutdown, cannot connect now
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        _ => false,
    };
}
