using System.Diagnostics;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>
/// Retries a check until it holds or a deadline passes, then fails the test naming what it waited for. Only for what
/// settles outside the grid, which the grid's clock cannot wait out: the heatmap cache refreshing after a city change,
/// a closed stream's slot being freed. For the grid itself, wait with <see cref="ApiHost.QuietAsync"/>.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task True(Func<Task<bool>> condition, string what) =>
        Poll(async () => (await condition(), true), what);

    public static Task<T> Value<T>(Func<Task<T?>> attempt, string what)
        where T : class =>
        Poll(async () => await attempt() is { } value ? (true, value) : (false, default!), what);

    public static Task<T> Value<T>(Func<Task<T?>> attempt, string what)
        where T : struct =>
        Poll(async () => await attempt() is { } value ? (true, value) : (false, default), what);

    private static async Task<T> Poll<T>(Func<Task<(bool Done, T Value)>> attempt, string what)
    {
        var started = Stopwatch.GetTimestamp();
        var attempts = 0;
        while (true)
        {
            attempts++;
            var (done, value) = await attempt();
            if (done)
                return value;
            if (Stopwatch.GetElapsedTime(started) > DefaultTimeout)
                throw new Xunit.Sdk.XunitException($"Still waiting after {DefaultTimeout.TotalSeconds:0} s ({attempts} attempts) for: {what}");
            await Task.Delay(PollInterval);
        }
    }
}
