using System.Threading.Channels;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>
/// A record handler whose calls finish only when the test opens their gates, in any order the test likes, each on a
/// thread of its own as a grain call's reply would.
/// </summary>
internal sealed class GatedHandler
{
    private readonly Channel<HandlerCall> _calls = Channel.CreateUnbounded<HandlerCall>();
    private readonly KeyConcurrency _concurrency = new();

    /// <summary>The most calls of one key ever open at once.</summary>
    public int MaxInFlightPerKey => _concurrency.MaxPerKey;

    /// <summary>Calls made and not yet taken with <see cref="NextCallAsync"/>.</summary>
    public int WaitingCalls => _calls.Reader.Count;

    public Task Send(string key, object item)
    {
        _concurrency.Enter(key);
        var call = new HandlerCall(key, item, _concurrency);
        _calls.Writer.TryWrite(call);
        return call.Completion;
    }

    /// <summary>The next call the dispatcher made, in the order made; fails when none comes in time.</summary>
    public Task<HandlerCall> NextCallAsync() => Wait.ForAsync(_calls.Reader.ReadAsync().AsTask(), "the next handler call");

    public bool TryTakeCall(out HandlerCall call) => _calls.Reader.TryRead(out call!);
}

/// <summary>One call of <see cref="GatedHandler.Send"/>, open until the test finishes it.</summary>
internal sealed class HandlerCall(string key, object item, KeyConcurrency concurrency)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Key { get; } = key;

    public object Item { get; } = item;

    public Task Completion => _gate.Task;

    public void Succeed()
    {
        concurrency.Exit(Key);
        _gate.SetResult();
    }

    public void Fail(Exception error)
    {
        concurrency.Exit(Key);
        _gate.SetException(error);
    }

    public void Cancel()
    {
        concurrency.Exit(Key);
        _gate.SetCanceled();
    }

    public override string ToString() => $"{Key}:{Item}";
}
