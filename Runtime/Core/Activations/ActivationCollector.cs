namespace SupplyGrid.Runtime.Activations;

/// <summary>Deactivates activations that have been idle for longer than their collection age.</summary>
internal sealed class ActivationCollector(GridRuntime runtime)
{
    /// <summary>True when no activity waits in the mailbox, the last activity is older than the collection age, and no DelayDeactivation holds it.</summary>
    public bool IsIdleLongEnough(Activation activation)
    {
        var now = runtime.TimeProvider.GetTimestamp();
        var age = activation.GrainClass.CollectionAge ?? runtime.Options.CollectionAge;
        return activation.PendingActivity == 0
            && now - activation.LastActive >= runtime.ToTicks(age)
            && now >= activation.KeepAliveUntil;
    }

    /// <summary>One pass: returns how many deactivations it started.</summary>
    public int Collect()
    {
        var started = 0;
        foreach (var activation in runtime.Directory.All())
        {
            if (activation.Phase == ActivationPhase.Active && activation.RunningCount == 0 && IsIdleLongEnough(activation))
            {
                activation.Lifecycle.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "idle for longer than the collection age"));
                started++;
            }
        }

        return started;
    }
}
