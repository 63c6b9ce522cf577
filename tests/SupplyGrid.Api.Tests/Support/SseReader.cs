using System.Text.Json;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>Reads a server-sent event stream event by event, as a browser's EventSource would.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event (comments and retry lines skipped).</summary>
    public async Task<(string Name, JsonElement Data)> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? name = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                    return (name, JsonDocument.Parse(data).RootElement.Clone());
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line["data: ".Length..];
        }
    }

    /// <summary>Events until one satisfies <paramref name="match"/>.</summary>
    public async Task<(string Name, JsonElement Data)> NextMatchingAsync(Func<string, JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            (string Name, JsonElement Data) next;
            try
            {
                if (left <= TimeSpan.Zero)
                    throw new OperationCanceledException();
                next = await NextAsync(left);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching event arrived; saw: {string.Join("; ", seen)}");
            }

            if (match(next.Name, next.Data))
                return next;
            seen.Add(next.Name + " " + next.Data.ToString()[..Math.Min(300, next.Data.ToString().Length)]);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
