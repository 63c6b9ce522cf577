using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Command;

/// <summary>The evaluation program's options as given on the command line (<see cref="EvaluationArguments"/> parses them).</summary>
public sealed record EvaluationOptions
{
    /// <summary>A pickup file to replay; null: the city's generated demand.</summary>
    public string? Replay { get; init; }

    public ReplayFormat Format { get; init; } = ReplayFormat.Auto;

    /// <summary>Keep only this dispatching base's rows (NYC format).</summary>
    public string? Base { get; init; }

    public bool FoldDays { get; init; }

    /// <summary>First local date replayed, or the simulated day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last local date replayed.</summary>
    public DateOnly? To { get; init; }

    public int? Drivers { get; init; }

    public bool AlwaysOnline { get; init; }

    /// <summary>The fleet's <see cref="Simulator.FleetOptions.ShiftDemandExponent"/>; null keeps the simulator's.</summary>
    public double? ShiftExponent { get; init; }

    public ulong Seed { get; init; } = 1;

    public bool Naive { get; init; }

    /// <summary>The simulator's city preset; null: New York for a replay, Singapore otherwise.</summary>
    public string? City { get; init; }

    /// <summary>How long to run; null: a day, or every replayed day when not folded.</summary>
    public double? Hours { get; init; }

    /// <summary>
    /// The command's lockstep step and mean ping interval: coarser than the live city's (3-5 s pings) so a folded day
    /// of two arms runs in about a minute; the cells recompute every 30 s either way, so they see every driver move.
    /// </summary>
    public const double DefaultStepSeconds = 10;

    /// <inheritdoc cref="DefaultStepSeconds"/>
    public const double DefaultPingSeconds = 15;

    public double StepSeconds { get; init; } = DefaultStepSeconds;

    public double TickSeconds { get; init; } = 30;

    public decimal Budget { get; init; } = 1_000_000m;

    /// <summary>Domain settings of the city (keys relative to Cities:&lt;city&gt;), applied in every arm.</summary>
    public IReadOnlyDictionary<string, string> GridSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Generated demand's daily mean; null: the simulator's default.</summary>
    public double? BookingsPerHour { get; init; }

    /// <summary>Mean seconds between a driver's pings; null: the simulator's default (3 to 5 s).</summary>
    public double? PingSeconds { get; init; } = DefaultPingSeconds;

    /// <summary>Run the arms one after another in this process instead of one process per arm.</summary>
    public bool InProcess { get; init; }

    /// <summary>Run only this arm and write its result to <see cref="ArmResult"/>: what each per-arm process does.</summary>
    public ArmKind? Arm { get; init; }

    /// <summary>Where the single arm's result goes (with <see cref="Arm"/>).</summary>
    public string? ArmResult { get; init; }

    public required string Out { get; init; }
}

/// <summary>The replay file's layout.</summary>
public enum ReplayFormat
{
    /// <summary>NYC when the header is "Date/Time,Lat,Lon,Base" or rows have four fields, otherwise generic.</summary>
    Auto,

    /// <summary>The 2014 NYC Uber pickups: Date/Time,Lat,Lon,Base.</summary>
    Nyc,

    /// <summary>time,lat,lng[,dropoff_lat,dropoff_lng].</summary>
    Generic,
}
