namespace SupplyGrid.Grains.Policies;

/// <summary>Why a surge update did or did not change the multiplier.</summary>
public enum SurgeReason
{
    /// <summary>Already at the target (within one granularity step): nothing to publish.</summary>
    Steady,

    /// <summary>The target differs, but the cooldown since the last change has not run out.</summary>
    CoolingDown,

    /// <summary>The multiplier went up (possibly only part of the way: see <see cref="SurgeDecision.StepLimited"/>).</summary>
    Raised,

    /// <summary>The multiplier went down; decreases are published like increases.</summary>
    Lowered,
}
