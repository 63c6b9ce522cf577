using Microsoft.AspNetCore.Http;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>Sends a cached heatmap's bytes with its entity tag; 304 when the client already has them.</summary>
internal sealed class CachedHeatmapResult(CachedHeatmap heatmap) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = heatmap.ETag;
        // Dashboards may keep a copy but must ask again each time (cheap: 304 when unchanged).
        response.Headers.CacheControl = "no-cache";
        if (AlreadyHas(httpContext.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = heatmap.Json.Length;
        return response.Body.WriteAsync(heatmap.Json, httpContext.RequestAborted).AsTask();
    }

    private bool AlreadyHas(HttpRequest request)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
            return false;
        foreach (var tag in request.GetTypedHeaders().IfNoneMatch)
        {
            if (tag.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any) || tag.Tag == heatmap.ETag)
                return true;
        }

        return false;
    }
}
