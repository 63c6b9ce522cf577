using System.Diagnostics;
using Xunit.Sdk;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>Waits for a condition the system reaches on its own, up to a deadline, then fails saying what was missing.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task Until(Func<bool> condition, Func<string> whatIsMissing, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                throw new XunitException($"Not reached within {limit.TotalSeconds:0.#} s: {whatIsMissing()}");
            // Polling interval of the check, not a wait for the system: the condition decides when to stop.
            await Task.Delay(25);
        }
    }
}
