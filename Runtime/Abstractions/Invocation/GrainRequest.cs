using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace SupplyGrid.Runtime.Invocation;

/// <summary>
/// A grain call in flight. Generated proxies derive one class per interface method that holds the arguments and
/// invokes the grain. The request is also the completion source the caller awaits, so a call costs one object.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest<TResult> : GrainMessage, IValueTaskSource<TResult>, IValueTaskSource
{
    // Continuations run inline on the completing thread: the runtime completes callers outside any grain's context.
    private ManualResetValueTaskSourceCore<TResult> _core;
    private ValueTaskAwaiter<TResult> _awaiter;
    private IMessageHost? _host;
    private TResult _result = default!;
    private Exception? _error;
    private int _completed;

    public sealed override Exception? Error => _error;

    /// <summary>Calls the grain method (generated).</summary>
    protected abstract ValueTask<TResult> InvokeAsync(object grain);

    public sealed override bool Start(object grain, IMessageHost host)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = host.CallFilters.Count == 0 ? InvokeAsync(grain) : InvokeThroughFilters(grain, host);
        }
        catch (Exception ex)
        {
            _error = ex;
            return true;
        }

        if (pending.IsCompleted)
        {
            Capture(pending.GetAwaiter());
            return true;
        }

        _host = host;
        _awaiter = pending.GetAwaiter();
        // Registered while the activation's SynchronizationContext is current, so OnInvokeCompleted runs on it.
        _awaiter.UnsafeOnCompleted(OnInvokeCompleted);
        return false;
    }

    private void OnInvokeCompleted()
    {
        Capture(_awaiter);
        _awaiter = default;
        var host = _host!;
        _host = null;
        host.OnMessageCompleted(this);
    }

    private void Capture(ValueTaskAwaiter<TResult> awaiter)
    {
        try
        {
            _result = awaiter.GetResult();
        }
        catch (Exception ex)
        {
            _error = ex;
        }
    }

    public sealed override void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return;
        if (_error is null)
            _core.SetResult(_result);
        else
            _core.SetException(_error);
        OnCompleted(_error);
    }

    public sealed override bool TryFail(Exception error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return false;
        _core.SetException(error);
        OnCompleted(error);
        return true;
    }

    /// <summary>For runtime messages whose sender is not an awaiting caller (timers, streams).</summary>
    protected virtual void OnCompleted(Exception? error)
    {
    }

    /// <summary>The caller's view of the result.</summary>
    public ValueTask<TResult> AsValueTask() => new(this, _core.Version);

    /// <summary>The caller's view when the result is <see cref="VoidResult"/>.</summary>
    public ValueTask AsVoidValueTask() => new(this, _core.Version);

    private async ValueTask<TResult> InvokeThroughFilters(object grain, IMessageHost host)
    {
        var context = new IncomingGrainCallContext<TResult>(this, grain, host.CallFilters);
        await context.Invoke();
        return context.Result is TResult typed ? typed : (TResult)context.Result!;
    }

    internal ValueTask<TResult> InvokeGrain(object grain) => InvokeAsync(grain);

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
