namespace SupplyGrid.Postgres.Migrations;

/// <summary>One schema migration: an embedded migrations/NNNN_name.sql (Postgres/Migrations, or a host's own), applied once, in version order, in its own transaction.</summary>
/// <param name="Checksum">SHA-256 of the text with line endings normalised: an applied migration must never change.</param>
public sealed record MigrationScript(int Version, string Name, string Sql, string Checksum);
