namespace SupplyGrid.Grains.Policies;

/// <summary>What a cell remembers about its surge between updates.</summary>
/// <param name="Multiplier">The published multiplier, in [1, cap].</param>
/// <param name="LastChangedAt">When it was last changed; null while it has never changed (no cooldown running).</param>
public readonly record struct SurgeState(double Multiplier, DateTimeOffset? LastChangedAt)
{
    /// <summary>No surge, never changed.</summary>
    public static SurgeState Initial => new(1.0, null);
}
