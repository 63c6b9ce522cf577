using System.Globalization;
using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// The domain's configuration for the simulated city: one city with the simulation's id, name, time zone, currency
/// and bounds, the evaluation's cell tick (the city publishes its dashboard changes at the same pace), and a
/// reposition pool whose budget is the arm's (0 when the arm must send no offers), then the run's own city settings
/// (--grid-setting). Everything else keeps the domain's defaults.
/// </summary>
public static class GridCityConfiguration
{
    /// <summary>
    /// The grid's box is the simulated land's box widened by this many degrees (about 2 km): a driver near the edge
    /// of the land is in a cell whose centre may lie just outside it, and the grid has no cell outside its cities.
    /// </summary>
    public const double BoundsMarginDegrees = 0.02;

    public static IReadOnlyDictionary<string, string?> For(CityMap city, GridSettings grid, decimal poolBudget)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegative(poolBudget);
        var prefix = $"Cities:{city.Id}";
        var bounds = city.Bounds;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{prefix}:Name"] = city.Name,
            [$"{prefix}:TimeZone"] = city.TimeZone.Id,
            [$"{prefix}:Currency"] = city.Currency,
            [$"{prefix}:Policies:Incentives:Currency"] = city.Currency,
            [$"{prefix}:Bounds:South"] = Text(bounds.South - BoundsMarginDegrees),
            [$"{prefix}:Bounds:West"] = Text(bounds.West - BoundsMarginDegrees),
            [$"{prefix}:Bounds:North"] = Text(bounds.North + BoundsMarginDegrees),
            [$"{prefix}:Bounds:East"] = Text(bounds.East + BoundsMarginDegrees),
            [$"{prefix}:Cells:TickInterval"] = grid.CellTick.ToString("c", CultureInfo.InvariantCulture),
            [$"{prefix}:PublishInterval"] = grid.CellTick.ToString("c", CultureInfo.InvariantCulture),
            [$"{prefix}:RepositionPool:Budget"] = poolBudget.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in grid.CitySettings)
            settings[$"{prefix}:{key}"] = value;
        return settings;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
