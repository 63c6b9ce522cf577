using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Timers;

/// <summary>
/// A grain timer. Each tick is a message in the activation's mailbox, so the callback runs as a turn of the grain;
/// the next tick is armed only once the callback's task has completed, so ticks never overlap.
/// </summary>
internal abstract class GrainTimer : IGrainTimer
{
    private static readonly GrainMethod TickMethod = new("[timer]", "Tick", GrainMethodOptions.System);
    private static readonly GrainMethod InterleavingTickMethod = new("[timer]", "Tick", GrainMethodOptions.System | GrainMethodOptions.AlwaysInterleave);

    private readonly Activation _activation;
    private readonly GrainTimerCreationOptions _options;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _tickInFlight;

    protected GrainTimer(Activation activation, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _options = options;
        _dueTime = options.DueTime;
        _period = options.Period;
    }

    protected CancellationToken DisposedToken => _disposed.Token;

    public void Start()
    {
        lock (_lock)
            _timer = _activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, _dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _period = period;
            _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
                return;
            _disposed.Cancel();
            _timer?.Dispose();
        }

        _activation.RemoveTimer(this);
    }

    protected abstract Task InvokeCallback();

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested || _tickInFlight)
                return;
            _tickInFlight = true;
        }

        var tick = new TickMessage(this, _options.Interleave ? InterleavingTickMethod : TickMethod) { KeepsAlive = _options.KeepAlive };
        if (!_activation.EnqueueLocal(tick))
        {
            // The activation is gone; its timers are being disposed.
            lock (_lock)
                _tickInFlight = false;
        }
    }

    private void OnTickFinished(Exception? error)
    {
        if (error is not null && error is not OperationCanceledException)
            _activation.Runtime.Logger.LogError(error, "Timer callback of grain {GrainId} failed", _activation.GrainId);
        lock (_lock)
        {
            _tickInFlight = false;
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or positive (or infinite).");
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be positive, or infinite for a one-shot timer.");
    }

    private sealed class TickMessage : RuntimeMessage
    {
        private readonly GrainTimer _timer;

        public TickMessage(GrainTimer timer, GrainMethod method)
            : base(method)
        {
            _timer = timer;
            IsActivationLocal = true;
        }

        public bool KeepsAlive
        {
            init => CountsAsActivity = value;
        }

        protected override ValueTask<VoidResult> InvokeAsync(object grain) =>
            _timer._disposed.IsCancellationRequested ? default : VoidResult.From(_timer.InvokeCallback());

        protected override void OnCompleted(Exception? error) => _timer.OnTickFinished(error);
    }
}

internal sealed class GrainTimer<TState>(Activation activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    : GrainTimer(activation, options)
{
    protected override Task InvokeCallback() => callback(state, DisposedToken);
}
