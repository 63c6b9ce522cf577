namespace SupplyGrid.Simulator;

/// <summary>Everything about a simulation run but its city, demand and start (configuration section <see cref="SectionName"/>).</summary>
public sealed record SimulationOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The seed of every random number: the same seed, city, demand and start give the same run.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>
    /// Prefix of every id the run makes (events, bookings, jobs, trips); null: the city id, the seed and the start
    /// second, so two runs started apart never share an event id (the grid takes a repeated id for a redelivery).
    /// </summary>
    public string? RunId { get; set; }

    public FleetOptions Fleet { get; set; } = new();

    public MovementOptions Movement { get; set; } = new();

    public DispatchOptions Dispatch { get; set; } = new();

    public OfferBehaviourOptions Offers { get; set; } = new();

    public const int MaxRunIdLength = 40;

    public void Validate()
    {
        if (RunId is not null)
        {
            Guard.NotBlank(RunId);
            if (RunId.Length > MaxRunIdLength || RunId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                throw new ArgumentException($"RunId must be at most {MaxRunIdLength} letters, digits, '-', '_' or '.' (was '{RunId}').", nameof(RunId));
        }
        ArgumentNullException.ThrowIfNull(Fleet);
        ArgumentNullException.ThrowIfNull(Movement);
        ArgumentNullException.ThrowIfNull(Dispatch);
        ArgumentNullException.ThrowIfNull(Offers);
        Fleet.Validate();
        Movement.Validate();
        Dispatch.Validate();
        Offers.Validate();
    }
}
