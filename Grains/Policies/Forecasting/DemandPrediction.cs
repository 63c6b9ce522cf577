namespace SupplyGrid.Grains.Policies;

/// <summary>Expected bookings in one 15-minute slot, with what the figure rests on.</summary>
/// <param name="Expected">Expected bookings in the slot.</param>
/// <param name="Basis">What the figure rests on.</param>
/// <param name="SlotSamples">Observations of this slot on this day of the week.</param>
/// <param name="TimeOfDaySamples">Observations of this time of day across all days.</param>
public readonly record struct DemandPrediction(double Expected, ForecastBasis Basis, int SlotSamples, int TimeOfDaySamples);
