namespace SupplyGrid.Evaluation.Runs;

/// <summary>How the grid runs during an evaluation: its clock step, its cells' recompute interval, the incentive pool.</summary>
public sealed record GridSettings
{
    /// <summary>The simulation and the grid's clock advance together by this much per step.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often every cell recomputes and plans (Cities:{id}:Cells:TickInterval), a whole number of steps; also the
    /// naive policy's interval. The cells tick together, on the steps that end at a multiple of it from the start.
    /// </summary>
    public TimeSpan CellTick { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The reposition pool's budget for the run, in the city's currency.</summary>
    public decimal Budget { get; init; } = 1_000_000m;

    /// <summary>Further domain settings of the city, keys relative to Cities:{id} (they override the evaluation's own).</summary>
    public IReadOnlyDictionary<string, string> CitySettings { get; init; } = new Dictionary<string, string>();

    public void Validate()
    {
        if (Step < TimeSpan.FromMilliseconds(100) || Step > TimeSpan.FromMinutes(1))
            throw new ArgumentOutOfRangeException(nameof(Step), Step, "Step must be between 100 ms and 1 minute.");
        if (CellTick < Step || CellTick > TimeSpan.FromMinutes(10) || CellTick.Ticks % Step.Ticks != 0)
            throw new ArgumentOutOfRangeException(nameof(CellTick), CellTick, $"CellTick must be a whole number of steps ({Step}) and at most 10 minutes.");
        if (Budget < 0)
            throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "Budget must not be negative.");
    }
}
