using Microsoft.Playwright;

namespace SupplyGrid.Dashboard.Tests.Browser;

/// <summary>
/// Debian's Chromium in headless mode, driven by Playwright (its driver runs offline; it never downloads a browser).
/// The executable is /usr/bin/chromium unless SUPPLYGRID_CHROMIUM names another.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ExecutableVariable = "SUPPLYGRID_CHROMIUM";
    public const string DefaultExecutable = "/usr/bin/chromium";

    // Without the background-networking switches Chromium keeps trying to reach Google's hosts, which this network refuses.
    private static readonly string[] s_arguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {executable}, which does not exist. Install it with `bash deploy/setup.sh` " +
                $"(Debian package chromium), or set {ExecutableVariable} to a Chromium executable.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = s_arguments,
                Timeout = 30_000,
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new tab (own cookies and storage) showing <paramref name="url"/> once its scripts ran.</summary>
    public async Task<DashboardPage> OpenAsync(string url)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "Asia/Singapore",
        });
        var page = await context.NewPageAsync();
        var watched = new DashboardPage(page);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return watched;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
