namespace SupplyGrid.Postgres;

/// <summary>
/// The database could not be reached, refused the connection, or kept failing transiently past the retry bound.
/// The message names the endpoint (host, port, database; never the password) and the operation.
/// </summary>
public sealed class PostgresUnavailableException(string endpoint, string operation, string detail, Exception inner)
    : Exception(
        $"PostgreSQL at {endpoint} is unavailable ({operation}): {detail} Check that the server is up and that the configuration key {PostgresOptions.ConnectionStringKey} points at it.",
        inner)
{
    /// <summary>host:port/database.</summary>
    public string Endpoint { get; } = endpoint;

    public string Operation { get; } = operation;
}
