using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SupplyGrid.Runtime.Postgres.Migrations;

/// <summary>The migrations embedded in this assembly from deploy/migrations, in version order.</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "migrations/";

    private static readonly Lazy<IReadOnlyList<MigrationScript>> EmbeddedScripts = new(() => Load(typeof(MigrationCatalog).Assembly));

    public static IReadOnlyList<MigrationScript> Embedded => EmbeddedScripts.Value;

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => Embedded[^1].Version;

    internal static IReadOnlyList<MigrationScript> Load(Assembly assembly)
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

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
                throw new InvalidOperationException($"Migrations '{scripts[i - 1].Name}' and '{scripts[i].Name}' have the same version.");
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException($"No migrations are embedded in {assembly.GetName().Name}.");
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
