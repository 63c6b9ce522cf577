using SupplyGrid.Runtime.Timers;

namespace SupplyGrid.Runtime;

/// <summary>
/// Base class of grain implementations (mirrors <c>Orleans.Grain</c>). The runtime constructs grains through
/// dependency injection; the activation's context is picked up from <see cref="RuntimeContext"/> during construction.
/// </summary>
public abstract class Grain : IAddressable
{
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "A grain can only be created by the SupplyGrid runtime (no activation context on this thread)."))
    {
    }

    protected Grain(IGrainContext grainContext) => GrainContext = grainContext;

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <summary>A string that identifies this grain in logs.</summary>
    public string IdentityString => GrainId.ToString();

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(callback, state, options);
}
