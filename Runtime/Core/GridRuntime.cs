using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Invocation;
using SupplyGrid.Runtime.Metrics;

namespace SupplyGrid.Runtime;

/// <summary>
/// The silo's runtime: routes messages from grain references to activations, creating activations on first use,
/// and owns the directory, the collector, the timeout sweep and the statistics.
/// </summary>
internal sealed class GridRuntime : IGrainCallSink
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _defaultTimeoutTicks;

    public GridRuntime(
        IServiceProvider services,
        IOptions<GridOptions> options,
        TimeProvider timeProvider,
        GrainTypeRegistry registry,
        IEnumerable<IIncomingGrainCallFilter> callFilters,
        ILogger<GridRuntime> logger)
    {
        options.Value.Validate();
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Registry = registry;
        CallFilters = callFilters.ToArray();
        Logger = logger;
        Statistics = new GridStatistics(timeProvider);
        Directory = new ActivationDirectory(this);
        Collector = new ActivationCollector(this);
        Timeouts = new ResponseTimeouts(this);
        GrainFactory = new GrainFactory(this);
        _defaultTimeoutTicks = ToTicks(Options.ResponseTimeout);
        // Capped so that "now + quantum" cannot overflow: TimeSpan.MaxValue means never yield while messages wait.
        SchedulingQuantumTicks = (long)Math.Min(Options.SchedulingQuantum.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2);
    }

    public IServiceProvider Services { get; }

    public GridOptions Options { get; }

    /// <summary><see cref="GridOptions.SchedulingQuantum"/> in <see cref="Stopwatch"/> ticks (real time).</summary>
    public long SchedulingQuantumTicks { get; }

    public TimeProvider TimeProvider { get; }

    public GrainTypeRegistry Registry { get; }

    public IReadOnlyList<IIncomingGrainCallFilter> CallFilters { get; }

    public ILogger Logger { get; }

    public GridStatistics Statistics { get; }

    public ActivationDirectory Directory { get; }

    public ActivationCollector Collector { get; }

    public ResponseTimeouts Timeouts { get; }

    public GrainFactory GrainFactory { get; }

    /// <summary>Cancelled when the silo begins to shut down.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public long ToTicks(TimeSpan span) =>
        span == TimeSpan.MaxValue ? long.MaxValue : (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);

    public TimeSpan TimeoutOf(GrainMethod method) => method.ResponseTimeout ?? Options.ResponseTimeout;

    public long TimeoutTicks(GrainMethod method) => method.ResponseTimeout is { } t ? ToTicks(t) : _defaultTimeoutTicks;

    public void ThrowIfStopping()
    {
        if (_stopping.IsCancellationRequested)
            throw new InvalidOperationException("The silo is shutting down: no new activations are created.");
    }

    public void Send(GrainReference target, GrainMessage message)
    {
        message.EnqueuedAt = TimeProvider.GetTimestamp();
        try
        {
            if (target.CachedTarget is Activation cached && cached.Enqueue(message))
                return;
            var activation = Route(target.GrainId, message);
            if (!activation.GrainClass.IsStatelessWorker)
                target.CachedTarget = activation;
        }
        catch (Exception ex)
        {
            message.TryFail(ex);
        }
    }

    /// <summary>Delivers a message addressed by id (streams, reminders, forwarding); failures complete the message.</summary>
    public void Send(GrainId grainId, GrainMessage message)
    {
        message.EnqueuedAt = TimeProvider.GetTimestamp();
        Forward(grainId, message);
    }

    /// <summary>Re-sends a message that was waiting in an activation that has since deactivated (keeps its send time).</summary>
    public void Forward(GrainId grainId, GrainMessage message)
    {
        try
        {
            Route(grainId, message);
        }
        catch (Exception ex)
        {
            message.TryFail(ex);
        }
    }

    private Activation Route(GrainId grainId, GrainMessage message)
    {
        var grainClass = Registry.ForGrainType(grainId.Type);
        // An activation that closed between lookup and enqueue refuses the message; the next lookup finds or creates its successor.
        while (true)
        {
            var activation = Directory.Resolve(grainId, grainClass);
            if (activation.Enqueue(message))
                return activation;
        }
    }

    /// <summary>Deactivates every activation (OnDeactivateAsync runs), refusing new activations meanwhile.</summary>
    public async Task DeactivateAllAsync(TimeSpan timeout)
    {
        await _stopping.CancelAsync();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is shutting down");
        var pending = new List<Task>();
        foreach (var activation in Directory.All())
        {
            activation.Lifecycle.StartDeactivation(reason);
            pending.Add(activation.Lifecycle.Deactivated);
        }

        var all = Task.WhenAll(pending);
        if (await Task.WhenAny(all, Task.Delay(timeout)) != all)
            Logger.LogWarning("{Count} activations did not deactivate within {Timeout}", pending.Count(t => !t.IsCompleted), timeout);
    }
}
