namespace SupplyGrid.Simulator;

/// <summary>Which recorded pickups to keep and how to place them in time.</summary>
public sealed record ReplayReadOptions
{
    /// <summary>Keep only rows of this dispatching base (NYC format, e.g. "B02512"); null keeps every base.</summary>
    public string? Base { get; init; }

    /// <summary>First local date kept (inclusive); null: from the first row.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last local date kept (inclusive); null: to the last row.</summary>
    public DateOnly? To { get; init; }

    /// <summary>
    /// Moves every kept pickup to the same local time of day on one date (<see cref="FoldOnto"/>), turning a month
    /// of pickups into one dense day.
    /// </summary>
    public bool FoldDays { get; init; }

    /// <summary>The local date pickups are folded onto; null: the earliest kept date.</summary>
    public DateOnly? FoldOnto { get; init; }

    /// <summary>How many malformed rows are described in the report (all are counted).</summary>
    public int MaxReportedErrors { get; init; } = 20;

    public void Validate()
    {
        if (Base is not null)
            Guard.NotBlank(Base);
        if (From is { } from && To is { } to && to < from)
            throw new ArgumentOutOfRangeException(nameof(To), to, $"To must not be before From ({from}).");
        if (FoldOnto is not null && !FoldDays)
            throw new ArgumentException("FoldOnto is only meaningful with FoldDays.", nameof(FoldOnto));
        Guard.NonNegative(MaxReportedErrors);
    }
}
