using System.Text.Json;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// An arm's full result as JSON (DIR/arms/{arm}.json): how a per-arm process hands its result back, and the raw
/// figures behind the report. Doubles round-trip exactly, so a report built from these files equals one built in
/// process.
/// </summary>
public static class ArmResultFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathFor(string outDirectory, ArmKind arm) =>
        System.IO.Path.Combine(outDirectory, "arms", arm.ToString().ToLowerInvariant() + ".json");

    public static async Task WriteAsync(string path, ArmResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json));
    }

    public static async Task<ArmResult> ReadAsync(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ArmResult>(stream, Json)
            ?? throw new InvalidDataException($"'{path}' holds no arm result.");
    }
}
