namespace SupplyGrid.Grains.Policies;

/// <summary>What <see cref="DemandForecaster.Observe"/> learned from one slot.</summary>
/// <param name="Prediction">What the forecast expected for the slot before seeing it.</param>
/// <param name="PercentageError">|actual - expected| / actual; null when not scored (no basis yet, or zero actual).</param>
public readonly record struct ForecastObservation(DemandPrediction Prediction, double? PercentageError);
