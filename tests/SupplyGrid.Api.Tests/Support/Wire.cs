using System.Net;
using System.Text;
using System.Text.Json;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>Requests and answers as JSON documents, so the tests read the wire names, not our own types.</summary>
public static class Wire
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await BodyOf(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsync(path, Content(body));
        return (response.StatusCode, await BodyOf(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(this HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await BodyOf(response));
    }

    /// <summary>Anonymous objects serialized with snake_case names (the API's wire convention).</summary>
    public static StringContent Content(object body) =>
        new(JsonSerializer.Serialize(body, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field names of a 400's errors dictionary.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToArray() : [];

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static double Num(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static void IsProblem(this JsonElement body, HttpStatusCode status)
    {
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.True(body.TryGetProperty("detail", out _) || body.TryGetProperty("title", out _), "a problem has a title or detail");
    }

    /// <summary>A time as a query value: UTC, to the second, escaped.</summary>
    public static string Iso(DateTimeOffset time) =>
        Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string path, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : Content(body) });
}
