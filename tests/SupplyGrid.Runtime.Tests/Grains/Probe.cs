using System.Collections.Concurrent;

namespace SupplyGrid.Runtime.Tests.Grains;

/// <summary>A singleton the test grains report to, so tests can observe lifecycles without statics.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Counts { get; } = new();

    public void Record(string @event)
    {
        Events.Enqueue(@event);
        Counts.AddOrUpdate(@event, 1, (_, c) => c + 1);
    }

    public int Count(string @event) => Counts.GetValueOrDefault(@event);

    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Release(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Polls until <paramref name="condition"/> holds (grain work runs on the thread pool), failing after a few seconds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            if (condition())
                return;
            await Task.Delay(10);
        }

        throw new TimeoutException($"Gave up waiting for: {what}");
    }
}
