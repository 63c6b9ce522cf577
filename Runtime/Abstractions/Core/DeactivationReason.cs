namespace SupplyGrid.Runtime;

public enum DeactivationReasonCode
{
    None,
    /// <summary>Idle for longer than the collection age.</summary>
    ActivationIdle,
    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,
    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
    /// <summary><c>OnActivateAsync</c> failed.</summary>
    ActivationFailed,
}

/// <summary>Why an activation is being deactivated (mirrors Orleans' <c>DeactivationReason</c>).</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
