namespace SupplyGrid.Postgres.Tests;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, double seconds = 10) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
