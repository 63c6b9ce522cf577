using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// Everything the arms share: the city, the demand (a fresh source per arm, replaying or generating the same
/// bookings for the same seed), the window, the drivers and their behaviour, and the grid's settings.
/// </summary>
public sealed record EvaluationScenario
{
    /// <summary>A short description of the demand, for the reports ("April 2014 New York replay, base B02512, folded").</summary>
    public required string Name { get; init; }

    public required CityMap City { get; init; }

    /// <summary>Makes the demand source of one arm; each call must return a new, unstarted source.</summary>
    public required Func<IDemandSource> Demand { get; init; }

    /// <summary>When the run starts (UTC).</summary>
    public required DateTimeOffset Start { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Seed, fleet, movement, dispatch and offer behaviour: identical in every arm.</summary>
    public required SimulationOptions Simulation { get; init; }

    public GridSettings Grid { get; init; } = new();

    /// <summary>The replay file and how it was read, when the demand is a replay.</summary>
    public ReplayInput? Replay { get; init; }

    public DateTimeOffset End => Start + Duration;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(City);
        ArgumentNullException.ThrowIfNull(Demand);
        ArgumentNullException.ThrowIfNull(Simulation);
        ArgumentNullException.ThrowIfNull(Grid);
        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromDays(31))
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "Duration must be longer than zero and at most 31 days.");
        Simulation.Validate();
        Grid.Validate();
    }
}

/// <summary>A replay file, its format ("nyc" or "generic") and the reader's account of its rows.</summary>
public sealed record ReplayInput(string File, string Format, ReplayReadReport Report);
