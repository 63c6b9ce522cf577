using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyGrid.Api.Dashboards;

/// <summary>How the dashboards' own endpoints write JSON: snake_case names and enum values, like the rest of the API.</summary>
public static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
