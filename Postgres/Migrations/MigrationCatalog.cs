using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SupplyGrid.Postgres.Migrations;

/// <summary>
/// Migrations embedded in assemblies as resources named "migrations/NNNN_name.sql". This project carries the scripts
/// of its own tables (grain state, reminders); a host adds the scripts of its tables from its own assembly
/// (<c>AddPostgresMigrations</c>). All share one sequence of versions, so that a database migrated before the scripts
/// were split keeps its history: a version used twice fails the start, naming both files.
/// </summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "migrations/";

    private static readonly Lazy<IReadOnlyList<MigrationScript>> OwnScripts = new(() => Load(typeof(MigrationCatalog).Assembly));

    /// <summary>The scripts of the tables this project reads and writes, in version order.</summary>
    public static IReadOnlyList<MigrationScript> Infrastructure => OwnScripts.Value;

    /// <summary>The scripts embedded in <paramref name="assembly"/>, in version order.</summary>
    public static IReadOnlyList<MigrationScript> EmbeddedIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Load(assembly);
    }

    /// <summary>The scripts of several sets in one version order; refuses a version that two scripts use.</summary>
    public static IReadOnlyList<MigrationScript> Combine(IEnumerable<IReadOnlyList<MigrationScript>> sets)
    {
        var scripts = sets.SelectMany(s => s).ToList();
        Sort(scripts);
        return scripts;
    }

    private static IReadOnlyList<MigrationScript> Load(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var match = FileName().Match(name);
            if (!match.Success)
                throw new InvalidOperationException($"Migration file '{name}' is not named NNNN_description.sql (four digits, lower-case words).");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new MigrationScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, sql, checksum));
        }

        Sort(scripts);
        return scripts.Count > 0 ? scripts : throw new InvalidOperationException($"No migrations are embedded in {assembly.GetName().Name}.");
    }

    private static void Sort(List<MigrationScript> scripts)
    {
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
                throw new InvalidOperationException($"Migrations '{scripts[i - 1].Name}' and '{scripts[i].Name}' have the same version.");
        }
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
