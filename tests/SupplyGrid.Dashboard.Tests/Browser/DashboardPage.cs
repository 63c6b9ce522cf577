using Microsoft.Playwright;

namespace SupplyGrid.Dashboard.Tests.Browser;

/// <summary>
/// One open page and what went wrong on it: script errors, console errors, and any request that left the silo (the
/// pages must load nothing from outside it).
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<string> _problems = [];
    private readonly List<string> _warnings = [];
    private readonly Lock _gate = new();

    public DashboardPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => Note($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Note($"console error: {message.Text}");
            else if (message.Type == "warning")
                Warn(message.Text);
        };
        page.Request += (_, request) =>
        {
            var host = new Uri(request.Url).Host;
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && host is not ("127.0.0.1" or "localhost"))
                Note($"request outside the silo: {request.Url}");
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
                return [.. _problems];
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> (a JavaScript function body returning a truthy value) holds.</summary>
    public async Task WaitUntilAsync(string predicate, string what, TimeSpan? timeout = null)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => {{ {predicate} }}", null,
                new PageWaitForFunctionOptions { Timeout = (float)(timeout ?? Patience).TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            var shot = await ScreenshotAsync($"failed-{DateTime.UtcNow:HHmmssfff}.png");
            string[] warnings;
            lock (_gate)
                warnings = [.. _warnings];
            throw new TimeoutException(
                $"The page never showed {what} ({string.Join("; ", Problems.DefaultIfEmpty("no script errors"))}); " +
                $"its warnings: {string.Join("; ", warnings.DefaultIfEmpty("none"))}; screenshot: {shot}.", e);
        }
    }

    public async Task<T> EvaluateAsync<T>(string expression) => await Page.EvaluateAsync<T>(expression);

    /// <summary>Saves a full-page screenshot as screenshots/<paramref name="fileName"/> in the test output.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>A screenshot for the documentation: in the test output, and in SUPPLYGRID_SCREENSHOTS_DIR when set (docs/screenshots).</summary>
    public async Task PublishScreenshotAsync(string fileName)
    {
        var path = await ScreenshotAsync(fileName);
        if (Environment.GetEnvironmentVariable("SUPPLYGRID_SCREENSHOTS_DIR") is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, fileName), overwrite: true);
        }
    }

    private void Warn(string warning)
    {
        lock (_gate)
            _warnings.Add(warning);
    }

    private void Note(string problem)
    {
        lock (_gate)
            _problems.Add(problem);
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
