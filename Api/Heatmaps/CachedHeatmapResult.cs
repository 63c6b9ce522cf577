using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>
/// Sends a cached heatmap's bytes, gzip-compressed when the client accepts it, with the representation's entity tag;
/// 304 when the client already has them.
/// </summary>
internal sealed class CachedHeatmapResult(CachedHeatmap heatmap) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var gzip = AcceptsGzip(request);
        var tag = gzip ? heatmap.GzipETag : heatmap.ETag;
        response.Headers.ETag = tag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        // Dashboards may keep a copy but must ask again each time (cheap: 304 when unchanged).
        response.Headers.CacheControl = "no-cache";
        if (AlreadyHas(request, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = gzip ? heatmap.GzipJson : heatmap.Json;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (gzip)
            response.Headers.ContentEncoding = "gzip";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0)
            return false;
        foreach (var coding in request.GetTypedHeaders().AcceptEncoding)
        {
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding.Quality is not 0)
                return true;
        }

        return false;
    }

    private static bool AlreadyHas(HttpRequest request, string tag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
            return false;
        foreach (var candidate in request.GetTypedHeaders().IfNoneMatch)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Tag == tag)
                return true;
        }

        return false;
    }
}
