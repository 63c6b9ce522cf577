namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Per-cell demand forecast by 15-minute slot of the local week, explainable in one sentence: "Mondays at
/// 08:15 have averaged this (recent weeks weigh more), shrunk toward what 08:15 averages on every day".
/// <code>
/// slot mean     m[d,s] += 0.3 x (actual - m[d,s])          (first observation: m = actual)
/// time of day   t[s] = sum_d n[d,s] m[d,s] / sum_d n[d,s]
/// prediction    (n[d,s] m[d,s] + 2 t[s]) / (n[d,s] + 2)     falling back to t[s], then the cell's level
/// </code>
/// Before each slot is learned its prediction is scored: the running MAPE is exponentially weighted over
/// recent slots, and skips slots with no bookings (a percentage of zero is undefined) and slots predicted
/// with no basis (nothing to score).
/// </summary>
public sealed class DemandForecaster
{
    /// <summary>The largest bookings count a slot can record (half precision's range, far above any real cell).</summary>
    public const double MaxSlotDemand = 60_000;

    private readonly DemandForecastOptions _options;

    public DemandForecaster(DemandForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
    }

    /// <summary>Expected bookings in <paramref name="slot"/> (for "the next window", pass the slot after now's).</summary>
    public DemandPrediction Predict(DemandForecastState state, ForecastSlot slot)
    {
        Validate(state);
        var timeOfDayTotal = 0.0;
        var timeOfDaySamples = 0;
        for (var day = 0; day < 7; day++)
        {
            var index = day * ForecastSlot.SlotsPerDay + slot.SlotOfDay;
            timeOfDayTotal += state.Counts[index] * (double)state.Means[index];
            timeOfDaySamples += state.Counts[index];
        }

        if (timeOfDaySamples == 0)
        {
            return state.Observations == 0
                ? new DemandPrediction(0, ForecastBasis.None, 0, 0)
                : new DemandPrediction(state.Level, ForecastBasis.CellLevel, 0, 0);
        }

        var timeOfDayMean = timeOfDayTotal / timeOfDaySamples;
        int slotSamples = state.Counts[slot.Index];
        if (slotSamples == 0)
        {
            return new DemandPrediction(timeOfDayMean, ForecastBasis.TimeOfDay, 0, timeOfDaySamples);
        }

        var expected = (slotSamples * (double)state.Means[slot.Index] + _options.ShrinkageSamples * timeOfDayMean)
                       / (slotSamples + _options.ShrinkageSamples);
        return new DemandPrediction(expected, ForecastBasis.DayAndTime, slotSamples, timeOfDaySamples);
    }

    /// <summary>Scores the slot's prediction against <paramref name="actual"/> bookings, then learns from it. Changes <paramref name="state"/>.</summary>
    public ForecastObservation Observe(DemandForecastState state, ForecastSlot slot, double actual)
    {
        Guard.InRange(actual, 0, MaxSlotDemand);
        var prediction = Predict(state, slot);

        double? percentageError = null;
        // Only a forecast of this time of day is scored: the cell-level fallback for an hour never seen is a
        // placeholder, and scoring it would let a cold start's misses dominate the error for weeks.
        if (prediction.Basis is ForecastBasis.TimeOfDay or ForecastBasis.DayAndTime && actual > 0)
        {
            var error = Math.Abs(actual - prediction.Expected) / actual;
            state.Mape = state.ScoredSlots == 0 ? (float)error : (float)(state.Mape + _options.ErrorAlpha * (error - state.Mape));
            state.ScoredSlots++;
            percentageError = error;
        }

        var index = slot.Index;
        var count = state.Counts[index];
        var mean = (double)state.Means[index];
        state.Means[index] = (Half)(count == 0 ? actual : mean + _options.SlotAlpha * (actual - mean));
        state.Counts[index] = (byte)Math.Min(count + 1, byte.MaxValue);
        state.Level = state.Observations == 0 ? (float)actual : (float)(state.Level + _options.LevelAlpha * (actual - state.Level));
        state.Observations++;
        return new ForecastObservation(prediction, percentageError);
    }

    /// <summary>The running MAPE as a fraction (0.2 = 20%), or null before any slot was scored.</summary>
    public static double? MeanAbsolutePercentageError(DemandForecastState state)
    {
        Validate(state);
        return state.ScoredSlots == 0 ? null : state.Mape;
    }

    private static void Validate(DemandForecastState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Means?.Length != ForecastSlot.SlotsPerWeek || state.Counts?.Length != ForecastSlot.SlotsPerWeek)
        {
            throw new ArgumentException(
                $"{nameof(state)}.{nameof(state.Means)} and {nameof(state.Counts)} must hold {ForecastSlot.SlotsPerWeek} slots each.", nameof(state));
        }
    }
}
