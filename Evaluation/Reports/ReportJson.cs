using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyGrid.Evaluation.Reports;

/// <summary>The JSON shape of the reports: snake_case names, indented, times as ISO-8601 with offset.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
