namespace SupplyGrid.Grains.Policies;

/// <summary>What a surge update looks at.</summary>
/// <param name="Demand">The cell's smoothed demand.</param>
/// <param name="Supply">The cell's smoothed supply.</param>
/// <param name="EventMultiplier">From an active event campaign in the area; 1 when none.</param>
/// <param name="WeatherMultiplier">From the weather feed; 1 in fair weather.</param>
public readonly record struct SurgeInputs(double Demand, double Supply, double EventMultiplier = 1.0, double WeatherMultiplier = 1.0);
