using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// Activation and deactivation of one activation, each run as an exclusive message in its mailbox so that they are
/// ordered with the grain's turns. A deactivated activation forwards what was still waiting to a new activation,
/// which is created only after <c>OnDeactivateAsync</c> has finished: there is never more than one activation per id.
/// </summary>
internal sealed class ActivationLifecycle(Activation activation)
{
    private static readonly GrainMethod ActivateMethod = new("[lifecycle]", "Activate", GrainMethodOptions.System);
    private static readonly GrainMethod DeactivateMethod = new("[lifecycle]", "Deactivate", GrainMethodOptions.System);

    private DeactivateMessage? _deactivation;

    /// <summary>Completes when the activation has been deactivated (or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainMessage CreateActivateMessage() => new ActivateMessage(this);

    /// <summary>Queues deactivation (once). <paramref name="first"/> puts it ahead of waiting messages.</summary>
    public void StartDeactivation(DeactivationReason reason, bool first = false)
    {
        var message = new DeactivateMessage(this, reason);
        if (Interlocked.CompareExchange(ref _deactivation, message, null) is not null)
            return;
        if (first)
            activation.EnqueueFirst(message);
        else if (!activation.Enqueue(message))
            _deactivated.TrySetResult();
    }

    private async ValueTask<VoidResult> ActivateAsync()
    {
        var runtime = activation.Runtime;
        activation.Phase = ActivationPhase.Activating;
        try
        {
            activation.GrainInstance = activation.GrainClass.CreateInstance(runtime.Services, activation);
            foreach (var state in activation.PersistentStates)
                await state.ReadOnActivationAsync(runtime.Stopping);
            if (activation.GrainInstance is Grain grain)
                await grain.OnActivateAsync(runtime.Stopping);
            activation.Phase = ActivationPhase.Active;
            runtime.Statistics.OnActivated(activation.GrainClass);
        }
        catch (Exception ex)
        {
            runtime.Logger.LogError(ex, "Activation of grain {GrainId} failed", activation.GrainId);
            activation.DisposeTimers();
            // Callers waiting for this activation get the activation's exception; the next call tries afresh.
            foreach (var waiting in activation.Close())
                waiting.TryFail(ex);
            runtime.Directory.Remove(activation);
            _deactivated.TrySetResult();
            throw;
        }

        return default;
    }

    private async ValueTask<VoidResult> DeactivateAsync(DeactivationReason reason)
    {
        var runtime = activation.Runtime;
        if (reason.ReasonCode == DeactivationReasonCode.ActivationIdle && !runtime.Collector.IsIdleLongEnough(activation))
        {
            // Work arrived between the collector's look and this step: stay active.
            Interlocked.Exchange(ref _deactivation, null);
            return default;
        }

        activation.Phase = ActivationPhase.Deactivating;
        activation.DisposeTimers();
        try
        {
            if (activation.GrainInstance is Grain grain)
            {
                using var timeout = new CancellationTokenSource(runtime.Options.DeactivationTimeout);
                await grain.OnDeactivateAsync(reason, timeout.Token);
            }
        }
        catch (Exception ex)
        {
            runtime.Logger.LogWarning(ex, "OnDeactivateAsync of grain {GrainId} threw ({Reason})", activation.GrainId, reason);
        }
        finally
        {
            var waiting = activation.Close();
            runtime.Directory.Remove(activation);
            runtime.Statistics.OnDeactivated(activation.GrainClass);
            foreach (var message in waiting)
                runtime.Forward(activation.GrainId, message);
            _deactivated.TrySetResult();
        }

        return default;
    }

    private sealed class ActivateMessage : RuntimeMessage
    {
        private readonly ActivationLifecycle _lifecycle;

        public ActivateMessage(ActivationLifecycle lifecycle)
            : base(ActivateMethod)
        {
            _lifecycle = lifecycle;
            IsExclusive = true;
        }

        protected override ValueTask<VoidResult> InvokeAsync(object grain) => _lifecycle.ActivateAsync();
    }

    private sealed class DeactivateMessage : RuntimeMessage
    {
        private readonly ActivationLifecycle _lifecycle;
        private readonly DeactivationReason _reason;

        public DeactivateMessage(ActivationLifecycle lifecycle, DeactivationReason reason)
            : base(DeactivateMethod)
        {
            _lifecycle = lifecycle;
            _reason = reason;
            IsExclusive = true;
            CountsAsActivity = false;
        }

        protected override ValueTask<VoidResult> InvokeAsync(object grain) => _lifecycle.DeactivateAsync(_reason);
    }
}
