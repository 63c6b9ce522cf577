using Microsoft.AspNetCore.Http;

namespace SupplyGrid.Api;

/// <summary>Path prefixes the API owns in the silo's web host.</summary>
internal static class ApiRoutes
{
    public const string Api = "/api";
    public const string Health = "/health";
    public const string OpenApiDocument = "/openapi/{documentName}.json";

    private const string HeatmapPrefix = "/api/heatmap/";
    private const string StreamSuffix = "/stream";

    /// <summary>Requests whose errors the API answers with problem details.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments(Api) || path.StartsWithSegments(Health);

    /// <summary>GET /api/heatmap/{city}/stream, the only endpoint that takes its token from the query string.</summary>
    public static bool IsHeatmapStream(PathString path) =>
        path.Value is { } value && value.StartsWith(HeatmapPrefix, StringComparison.Ordinal) && value.EndsWith(StreamSuffix, StringComparison.Ordinal);
}
