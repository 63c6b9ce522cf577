using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SupplyGrid.Api.Dashboards;

/// <summary>
/// The static files of a dashboard page, compiled into an assembly as embedded resources (so the silo serves them
/// from any working directory and no build step is needed), served with a content type and an ETag. HTML documents
/// carry a Content-Security-Policy that allows this origin only: the pages cannot load anything from outside the silo.
/// </summary>
public sealed class EmbeddedAssets
{
    /// <summary>Same origin only; inline scripts and styles are refused too.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Asset> _assets;

    /// <param name="assembly">The assembly holding the files.</param>
    /// <param name="resourcePrefix">The manifest name prefix of the files (e.g. "SupplyGrid.Api.wwwroot."); the rest of the name is the file name.</param>
    /// <exception cref="InvalidOperationException">No resource has the prefix, or one has an extension with no known content type.</exception>
    public EmbeddedAssets(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(resourcePrefix, StringComparison.Ordinal))
                continue;
            var file = name[resourcePrefix.Length..];
            if (!s_contentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
                throw new InvalidOperationException($"Embedded file '{name}' has no known content type: add its extension to {nameof(EmbeddedAssets)}.");
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";
            assets[file] = new Asset(bytes, contentType, etag);
        }

        if (assets.Count == 0)
            throw new InvalidOperationException($"{assembly.GetName().Name} embeds no file named '{resourcePrefix}*': is the wwwroot folder an EmbeddedResource?");
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The file, 304 when the client's copy is current, or 404.</summary>
    public IResult Serve(HttpContext context, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(fileName) || !_assets.TryGetValue(fileName, out var asset))
            return Results.NotFound();
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new silo version must not be mixed with cached scripts of the old one.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        var requested = context.Request.Headers.IfNoneMatch;
        if (requested.Count > 0 && EntityTagHeaderValue.TryParseList(requested, out var tags)
            && tags.Any(t => t.Tag.Equals(asset.ETag, StringComparison.Ordinal) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
