using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Invocation;
using SupplyGrid.Runtime.Storage;
using SupplyGrid.Runtime.Timers;

namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// One activation of a grain: its mailbox, its turn-based scheduler and its lifecycle.
/// <para>
/// The activation is itself the thread-pool work item that drains its mailbox, so an idle grain costs no thread and
/// a busy one costs one work item per batch of messages. Every turn runs with the activation's
/// <see cref="ActivationSynchronizationContext"/> current, so continuations come back here and run between
/// messages, never concurrently with another turn. A message starts only when the scheduling rules allow it
/// (non-reentrant: one turn at a time; <c>[Reentrant]</c>, <c>[AlwaysInterleave]</c>, <c>[ReadOnly]</c> relax that).
/// </para>
/// </summary>
internal sealed partial class Activation : IThreadPoolWorkItem, IGrainContext, IMessageHost
{
    private readonly GridRuntime _runtime;
    private readonly Lock _lock = new();
    private readonly ActivationSynchronizationContext _syncContext;
    // Created on the first await that posts back: most turns complete synchronously, and the count below lets the
    // scheduler skip the queue (another object, another cache line) while nothing waits in it.
    private Queue<(SendOrPostCallback Callback, object? State)>? _continuations;
    private int _waitingContinuations;
    private MessageList _pending;
    private MessageList _running;
    private int _runningReadOnly;
    private bool _exclusiveRunning;
    private int _pendingInterleavable;
    private int _pendingActivity;
    private bool _scheduled;
    private bool _deactivateOnIdleRequested;
    private List<GrainTimer>? _timers;
    private List<IPersistentStateLoader>? _states;

    public Activation(GridRuntime runtime, GrainClass grainClass, GrainId grainId)
    {
        _runtime = runtime;
        GrainClass = grainClass;
        GrainId = grainId;
        _syncContext = new ActivationSynchronizationContext(this);
        LastActive = runtime.TimeProvider.GetTimestamp();
        Lifecycle = new ActivationLifecycle(this);
    }

    public GrainId GrainId { get; }

    public GrainClass GrainClass { get; }

    public ActivationLifecycle Lifecycle { get; }

    public object? GrainInstance { get; internal set; }

    public ActivationPhase Phase { get; internal set; } = ActivationPhase.Created;

    /// <summary>TimeProvider timestamp of the last turn that counted as activity.</summary>
    public long LastActive { get; private set; }

    /// <summary>TimeProvider timestamp before which the activation is not collected (<c>DelayDeactivation</c>).</summary>
    public long KeepAliveUntil { get; private set; }

    /// <summary>Messages waiting to start (a racy read, for metrics and backpressure).</summary>
    public int MailboxDepth => _pending.Count;

    /// <summary>Waiting messages that count as activity (not timer ticks): what keeps the activation from idle collection.</summary>
    public int PendingActivity => _pendingActivity;

    public int RunningCount => _running.Count;

    public bool IsIdle => _pending.Count == 0 && _running.Count == 0;

    /// <summary>Messages waiting or running, read under the lock that moves a message from one list to the other.</summary>
    public int UnfinishedCount
    {
        get
        {
            lock (_lock)
                return _pending.Count + _running.Count;
        }
    }

    internal GridRuntime Runtime => _runtime;

    IGrainFactory IGrainContext.GrainFactory => _runtime.GrainFactory;

    IServiceProvider IGrainContext.ActivationServices => _runtime.Services;

    TimeProvider IGrainContext.TimeProvider => _runtime.TimeProvider;

    IReadOnlyList<IIncomingGrainCallFilter> IMessageHost.CallFilters => _runtime.CallFilters;

    /// <summary>
    /// Adds a message to the mailbox. Returns false when this activation is gone; the sender then resolves the
    /// grain again (which creates a new activation).
    /// </summary>
    public bool Enqueue(GrainMessage message)
    {
        bool schedule;
        var added = 1;
        if (message.EnqueuedAt == 0)
            message.EnqueuedAt = _runtime.TimeProvider.GetTimestamp();
        lock (_lock)
        {
            if (Phase == ActivationPhase.Deactivated)
                return false;
            var limit = _runtime.Options.MaxMailboxDepth;
            if (limit > 0 && _pending.Count >= limit && !message.Method.IsSystem)
                throw new GrainOverloadedException(GrainId, _pending.Count);
            if (Phase == ActivationPhase.Created)
            {
                // The first message brings the activation step in ahead of it.
                Phase = ActivationPhase.Activating;
                var activate = Lifecycle.CreateActivateMessage();
                activate.EnqueuedAt = message.EnqueuedAt;
                AddPending(activate);
                added++;
            }

            AddPending(message);
            schedule = !_scheduled && CanStart(message);
            if (schedule)
                _scheduled = true;
        }

        _runtime.Statistics.OnEnqueued(added);
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    private void AddPending(GrainMessage message)
    {
        _pending.AddLast(message);
        if (IsInterleavable(message))
            _pendingInterleavable++;
        if (message.CountsAsActivity)
            _pendingActivity++;
    }

    /// <summary>Enqueues runtime work for this very activation (timer ticks): stamped now, not forwarded if the activation is gone.</summary>
    internal bool EnqueueLocal(GrainMessage message)
    {
        message.EnqueuedAt = _runtime.TimeProvider.GetTimestamp();
        return Enqueue(message);
    }

    /// <summary>Puts a lifecycle message at the front of the mailbox: it runs as soon as running turns finish.</summary>
    internal void EnqueueFirst(GrainMessage message)
    {
        message.EnqueuedAt = _runtime.TimeProvider.GetTimestamp();
        bool schedule;
        lock (_lock)
        {
            _pending.AddFirst(message);
            schedule = !_scheduled && CanStart(message);
            if (schedule)
                _scheduled = true;
        }

        _runtime.Statistics.OnEnqueued(1);
        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Called by <see cref="ActivationSynchronizationContext.Post"/>: a continuation of a running turn.</summary>
    public void PostContinuation(SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            (_continuations ??= new()).Enqueue((callback, state));
            _waitingContinuations++;
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void Execute()
    {
        // Real time, not the grid's TimeProvider: the quantum shares the thread, whatever clock the grains read.
        var yieldAt = Stopwatch.GetTimestamp() + _runtime.SchedulingQuantumTicks;
        // A message that finished synchronously leaves the running list in the same lock that takes the next one.
        GrainMessage? finished = null;
        while (true)
        {
            SendOrPostCallback? callback = null;
            object? callbackState = null;
            GrainMessage? message;
            lock (_lock)
            {
                if (finished is not null)
                {
                    MarkFinished(finished);
                    finished = null;
                }

                if (Stopwatch.GetTimestamp() >= yieldAt)
                {
                    // Yield the thread to other activations; stay scheduled.
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }

                if (_waitingContinuations > 0)
                {
                    (callback, callbackState) = _continuations!.Dequeue();
                    _waitingContinuations--;
                    message = null;
                }
                else
                {
                    message = TakeStartable();
                    if (message is null)
                    {
                        _scheduled = false;
                        return;
                    }

                    MarkRunning(message);
                }
            }

            if (callback is not null)
            {
                RunContinuation(callback, callbackState);
            }
            else if (StartMessage(message!))
            {
                AfterTurn(message!);
                finished = message;
            }
        }
    }

    private void RunContinuation(SendOrPostCallback callback, object? state)
    {
        var previous = EnterContext();
        try
        {
            callback(state);
        }
        catch (Exception ex)
        {
            // Await continuations capture their exceptions in tasks; anything here is a runtime or framework bug.
            _runtime.Logger.LogError(ex, "A continuation of grain {GrainId} threw", GrainId);
        }
        finally
        {
            ExitContext(previous);
        }
    }

    /// <summary>Starts the message on the activation's context; true when it finished synchronously.</summary>
    private bool StartMessage(GrainMessage message)
    {
        var previous = EnterContext();
        try
        {
            return message.Start(GrainInstance ?? this, this);
        }
        finally
        {
            ExitContext(previous);
        }
    }

    void IMessageHost.OnMessageCompleted(GrainMessage message)
    {
        // Runs inside a continuation on this activation's context; the caller's continuation must not inherit it.
        var previous = ExitToNeutralContext();
        try
        {
            lock (_lock)
                MarkFinished(message);
            AfterTurn(message);
        }
        finally
        {
            ExitContext(previous);
        }
    }

    /// <summary>Records the finished turn and reports its outcome to the sender (outside the lock and any grain context).</summary>
    private void AfterTurn(GrainMessage message)
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        if (message.CountsAsActivity)
            LastActive = now;
        _runtime.Statistics.OnCompleted(GrainClass, message, now);
        if (message.Error is { } error && message.Method.IsOneWay)
            _runtime.Logger.LogWarning(error, "One-way call {Method} on grain {GrainId} failed", message.Method, GrainId);
        message.Complete();

        if (_deactivateOnIdleRequested && Phase == ActivationPhase.Active)
        {
            _deactivateOnIdleRequested = false;
            Lifecycle.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"), first: true);
        }
    }

    private void MarkFinished(GrainMessage message)
    {
        _running.Remove(message);
        if (message.IsExclusive)
            _exclusiveRunning = false;
        else if (message.Method.IsReadOnly)
            _runningReadOnly--;
    }

    private ActivationContextScope EnterContext()
    {
        var scope = new ActivationContextScope(SynchronizationContext.Current, RuntimeContext.Exchange(this));
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        return scope;
    }

    private static ActivationContextScope ExitToNeutralContext()
    {
        var scope = new ActivationContextScope(SynchronizationContext.Current, RuntimeContext.Exchange(null));
        SynchronizationContext.SetSynchronizationContext(null);
        return scope;
    }

    private static void ExitContext(ActivationContextScope previous)
    {
        SynchronizationContext.SetSynchronizationContext(previous.SynchronizationContext);
        RuntimeContext.Exchange(previous.GrainContext);
    }

    private readonly record struct ActivationContextScope(SynchronizationContext? SynchronizationContext, IGrainContext? GrainContext);

    private bool IsInterleavable(GrainMessage message) =>
        message.Method.IsAlwaysInterleave || message.Method.IsReadOnly;

    private bool CanStart(GrainMessage message)
    {
        if (_running.Count == 0)
            return true;
        if (_exclusiveRunning || message.IsExclusive)
            return false;
        if (GrainClass.IsReentrant || message.Method.IsAlwaysInterleave)
            return true;
        return message.Method.IsReadOnly && _runningReadOnly == _running.Count;
    }

    /// <summary>The head of the mailbox if it may start, else the first interleavable message before any lifecycle step.</summary>
    private GrainMessage? TakeStartable()
    {
        var candidate = _pending.First;
        if (candidate is null)
            return null;
        if (!CanStart(candidate))
        {
            candidate = null;
            if (_pendingInterleavable > 0)
            {
                for (var m = _pending.First!.Next; m is not null && !m.IsExclusive; m = m.Next)
                {
                    if (IsInterleavable(m) && CanStart(m))
                    {
                        candidate = m;
                        break;
                    }
                }
            }

            if (candidate is null)
                return null;
        }

        _pending.Remove(candidate);
        if (IsInterleavable(candidate))
            _pendingInterleavable--;
        if (candidate.CountsAsActivity)
            _pendingActivity--;
        _runtime.Statistics.OnDequeued();
        return candidate;
    }

    private void MarkRunning(GrainMessage message)
    {
        _running.AddLast(message);
        if (message.IsExclusive)
            _exclusiveRunning = true;
        else if (message.Method.IsReadOnly)
            _runningReadOnly++;
    }

    /// <summary>Messages (waiting or running) whose response deadline has passed; the caller fails them outside the lock.</summary>
    internal void CollectExpired(long now, List<(GrainId, GrainMessage)> expired)
    {
        lock (_lock)
        {
            CollectExpired(_running.First, now, expired);
            CollectExpired(_pending.First, now, expired);
        }
    }

    private void CollectExpired(GrainMessage? first, long now, List<(GrainId, GrainMessage)> expired)
    {
        for (var m = first; m is not null; m = m.Next)
        {
            if (!m.Method.IsSystem && now - m.EnqueuedAt > _runtime.TimeoutTicks(m.Method))
                expired.Add((GrainId, m));
        }
    }

    /// <summary>
    /// Ends the mailbox: later sends go to a new activation. Returns what was waiting, to be forwarded; work local to
    /// this activation (timer ticks) is cancelled instead.
    /// </summary>
    internal List<GrainMessage> Close()
    {
        List<GrainMessage> waiting;
        lock (_lock)
        {
            Phase = ActivationPhase.Deactivated;
            _pendingInterleavable = 0;
            _pendingActivity = 0;
            waiting = _pending.TakeAll();
        }

        _runtime.Statistics.OnDequeued(waiting.Count);
        foreach (var local in waiting.Where(m => m.IsActivationLocal))
            local.TryFail(new OperationCanceledException($"Grain {GrainId} deactivated before this work ran."));
        waiting.RemoveAll(m => m.IsActivationLocal);
        return waiting;
    }

    public void DeactivateOnIdle() => _deactivateOnIdleRequested = true;

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _runtime.TimeProvider.GetTimestamp() + _runtime.ToTicks(timeSpan);
        KeepAliveUntil = Math.Max(KeepAliveUntil, until);
    }

    public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (Phase is ActivationPhase.Deactivating or ActivationPhase.Deactivated)
            throw new InvalidOperationException($"Grain {GrainId} is deactivating: it cannot register timers.");
        var timer = new GrainTimer<TState>(this, callback, state, options);
        (_timers ??= []).Add(timer);
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    internal void DisposeTimers()
    {
        if (_timers is null)
            return;
        foreach (var timer in _timers.ToArray())
            timer.Dispose();
        _timers = null;
    }

    internal void AddPersistentState(IPersistentStateLoader state) => (_states ??= []).Add(state);

    internal IReadOnlyList<IPersistentStateLoader> PersistentStates => (IReadOnlyList<IPersistentStateLoader>?)_states ?? [];

    public override string ToString() => $"activation {GrainId} ({Phase})";
}

internal enum ActivationPhase
{
    Created,
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
