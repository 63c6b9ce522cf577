using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace SupplyGrid.Silo.Tests;

/// <summary>What a grain's persistent state hands a storage provider.</summary>
internal sealed class GrainState<T> : IGrainState<T>
{
    // Non-null to the tests, which always give one; Orleans may set null.
    [AllowNull]
    public T State { get; set; } = default!;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

/// <summary>A grain storage that keeps the last state written per grain and state name, for tests of storage wrappers.</summary>
internal sealed class DictionaryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), object?> _states = new();

    public bool Holds(GrainId grain, string stateName) => _states.ContainsKey((grain, stateName));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.RecordExists = _states.TryGetValue((grainId, stateName), out var state);
        grainState.State = grainState.RecordExists ? (T?)state : default;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states[(grainId, stateName)] = grainState.State;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove((grainId, stateName), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
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
