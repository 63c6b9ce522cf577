namespace SupplyGrid.Simulator;

/// <summary>The engine's dispatcher (configuration section <see cref="SectionName"/>).</summary>
public sealed record DispatchOptions
{
    public const string SectionName = "Simulator:Dispatch";

    /// <summary>Only drivers within this straight-line distance of the pickup are considered.</summary>
    public double MaxPickupKm { get; set; } = 3;

    /// <summary>A booking nobody took is offered again this often until it expires.</summary>
    public double RetrySeconds { get; set; } = 10;

    /// <summary>A booking not assigned within this long expires unserved (the rider gives up).</summary>
    public double WaitLimitMinutes { get; set; } = 5;

    /// <summary>
    /// A repositioning driver takes only bookings whose pickup is within this distance of their target: they are on
    /// their way to serve that area, as with a destination filter.
    /// </summary>
    public double RepositioningPickupRadiusKm { get; set; } = 1.5;

    /// <summary>How many drivers one dispatch round may ask, one after another, when drivers decline the job.</summary>
    public int MaxAsksPerRound { get; set; } = 3;

    public void Validate()
    {
        Guard.Positive(MaxPickupKm);
        Guard.InRange(RetrySeconds, 1, 600);
        Guard.Positive(WaitLimitMinutes);
        Guard.NonNegative(RepositioningPickupRadiusKm);
        Guard.Positive(MaxAsksPerRound);
    }
}
