using System.Reflection;

namespace SupplyGrid.Postgres.Migrations;

/// <summary>
/// An assembly whose embedded "migrations/NNNN_name.sql" resources the migrator applies with the infrastructure's own
/// (registered by <c>AddPostgresMigrations</c>): how a host brings the tables of its domain. An assembly without any
/// fails the silo's start.
/// </summary>
public sealed record HostMigrations(Assembly Assembly);
