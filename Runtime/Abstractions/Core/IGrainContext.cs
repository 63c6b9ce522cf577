using SupplyGrid.Runtime.Timers;

namespace SupplyGrid.Runtime;

/// <summary>The runtime's view of one activation, as grain code sees it through <see cref="Grain"/>.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ActivationServices { get; }

    TimeProvider TimeProvider { get; }

    /// <summary>Deactivate this activation once the current turn finishes.</summary>
    void DeactivateOnIdle();

    /// <summary>Keep this activation alive for at least <paramref name="timeSpan"/> regardless of idleness.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
