using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SupplyGrid.Api.Problems;

namespace SupplyGrid.Api.Json;

/// <summary>
/// Reads a request's JSON body with the API's source-generated metadata under a size limit, and turns what goes wrong
/// into the answer: 415 for another media type, 413 beyond the limit, 400 naming the field for a value of the wrong
/// type, an unknown member or broken JSON.
/// </summary>
internal static partial class JsonBody
{
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long maxBytes)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return new(null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType,
                "The body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > maxBytes)
            return new(null, TooLarge(maxBytes));
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
            sizeLimit.MaxRequestBodySize = maxBytes;

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, context.RequestAborted);
            return value is null
                ? new(null, ApiProblems.Invalid("body", "The body must be a JSON object, not null."))
                : new(value, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, TooLarge(maxBytes));
        }
        catch (JsonException e)
        {
            var (field, message) = Describe(e);
            return new(null, ApiProblems.Invalid(field, message));
        }
    }

    private static IResult TooLarge(long maxBytes) =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than this endpoint's limit of {maxBytes} bytes.");

    /// <summary>The field a reader error is about, from its JSON path, and a message without .NET type names.</summary>
    internal static (string Field, string Message) Describe(JsonException e)
    {
        var raw = e.Message;
        if (UnknownMember().Match(raw) is { Success: true } unknown)
        {
            var member = unknown.Groups[1].Value;
            return (FieldOf(e.Path), $"{member} is not a field of this request.");
        }

        var field = FieldOf(e.Path);
        if (raw.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return (field, $"{field} has a value of the wrong type.");
        if (e.Path is not null && e.InnerException is null && !raw.Contains("Path: ", StringComparison.Ordinal)
            && !raw.Contains("LineNumber", StringComparison.Ordinal))
        {
            // Our converters' messages describe the value and expectation ("... is not a known campaign kind").
            return (field, $"{field} {raw.TrimEnd('.')}.");
        }

        var cut = raw.IndexOf(" Path: ", StringComparison.Ordinal);
        return (field, "The body is not valid JSON: " + (cut < 0 ? raw : raw[..cut]));
    }

    /// <summary>"$.event.radius_km" becomes "event.radius_km", "$.driver_ids[2]" "driver_ids[2]", "$" "body".</summary>
    internal static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();
}

/// <summary>The body, or the answer to give instead.</summary>
internal readonly record struct BodyResult<T>(T? Value, IResult? Problem)
    where T : class;
