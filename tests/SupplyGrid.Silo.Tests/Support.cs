using SupplyGrid.Runtime;

namespace SupplyGrid.Silo.Tests;

/// <summary>What a grain's persistent state hands a storage provider.</summary>
internal sealed class GrainState<T> : IGrainState<T>
{
    public T State { get; set; } = default!;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, double seconds = 20) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
