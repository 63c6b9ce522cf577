namespace SupplyGrid.Api.Tests.Support;

/// <summary>Retries a check for a while: the heatmap cache and one-way grain messages settle shortly after a change.</summary>
public static class Eventually
{
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
        for (var i = 0; i < 300; i++)
        {
            var (done, value) = await attempt();
            if (done)
                return value;
            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"Gave up waiting for: {what}");
    }
}
