using System.Text.Json;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class DemandForecasterTests
{
    private static readonly ForecastSlot Monday0815 = new(DayOfWeek.Monday, 33);
    private static readonly ForecastSlot Tuesday0815 = new(DayOfWeek.Tuesday, 33);
    private static readonly ForecastSlot Wednesday0815 = new(DayOfWeek.Wednesday, 33);
    private static readonly ForecastSlot Wednesday0300 = new(DayOfWeek.Wednesday, 12);

    private readonly DemandForecaster _forecaster = new(new DemandForecastOptions());

    [Fact]
    public void With_nothing_seen_the_forecast_has_no_basis()
    {
        Assert.Equal(new DemandPrediction(0, ForecastBasis.None, 0, 0), _forecaster.Predict(new DemandForecastState(), Monday0815));
        Assert.Null(DemandForecaster.MeanAbsolutePercentageError(new DemandForecastState()));
    }

    [Fact]
    public void Learns_by_day_and_time_shrinks_toward_the_time_of_day_and_falls_back_to_the_cell_level()
    {
        var state = new DemandForecastState();
        _forecaster.Observe(state, Monday0815, 10);
        _forecaster.Observe(state, Monday0815, 20); // mean 10 + 0.3 x (20 - 10) = 13, seen twice
        _forecaster.Observe(state, Tuesday0815, 4); // mean 4, seen once

        // time of day 08:15: (2 x 13 + 1 x 4) / 3 = 10
        Assert.Equal(new DemandPrediction((2 * 13 + 2 * 10) / 4.0, ForecastBasis.DayAndTime, 2, 3), _forecaster.Predict(state, Monday0815));
        Assert.Equal(new DemandPrediction((1 * 4 + 2 * 10) / 3.0, ForecastBasis.DayAndTime, 1, 3), _forecaster.Predict(state, Tuesday0815));
        Assert.Equal(new DemandPrediction(10, ForecastBasis.TimeOfDay, 0, 3), _forecaster.Predict(state, Wednesday0815));

        // Never seen at 03:00: the level over all slots, 10 -> 10 + 0.05 x 10 = 10.5 -> 10.5 + 0.05 x (4 - 10.5) = 10.175
        var level = _forecaster.Predict(state, Wednesday0300);
        Assert.Equal(ForecastBasis.CellLevel, level.Basis);
        Assert.Equal(10.175, level.Expected, 4);
    }

    [Fact]
    public void The_cell_level_fallback_is_not_scored_only_forecasts_of_the_time_of_day_are()
    {
        var state = new DemandForecastState();
        _forecaster.Observe(state, Monday0815, 0);

        var fallback = _forecaster.Observe(state, Wednesday0300, 6); // 03:00 never seen: the level (0) stands in
        Assert.Equal(ForecastBasis.CellLevel, fallback.Prediction.Basis);
        Assert.Null(fallback.PercentageError);
        Assert.Null(DemandForecaster.MeanAbsolutePercentageError(state));

        var timeOfDay = _forecaster.Observe(state, new ForecastSlot(DayOfWeek.Thursday, 12), 3); // 03:00 seen on Wednesday: 6
        Assert.Equal(ForecastBasis.TimeOfDay, timeOfDay.Prediction.Basis);
        Assert.Equal(1.0, timeOfDay.PercentageError);
        Assert.Equal(1.0, DemandForecaster.MeanAbsolutePercentageError(state));
    }

    [Fact]
    public void Recent_weeks_weigh_more()
    {
        var state = new DemandForecastState();
        _forecaster.Observe(state, Monday0815, 10);
        for (var week = 1; week <= 3; week++)
        {
            _forecaster.Observe(state, Monday0815, 20);
        }

        // 20 - 10 x 0.7^3 = 16.57 (kept in half precision); with only Mondays seen the time-of-day mean is the same figure.
        Assert.Equal(20 - 10 * Math.Pow(0.7, 3), _forecaster.Predict(state, Monday0815).Expected, tolerance: 0.02);
    }

    [Fact]
    public void Running_mape_scores_each_slot_before_learning_it_and_skips_zero_actuals()
    {
        var state = new DemandForecastState();

        var first = _forecaster.Observe(state, Monday0815, 10); // no basis yet: not scored
        Assert.Null(first.PercentageError);
        Assert.Equal(0, state.ScoredSlots);

        var second = _forecaster.Observe(state, Monday0815, 20); // predicted 10: |20 - 10| / 20
        Assert.Equal(0.5, second.PercentageError);
        Assert.Equal(0.5, DemandForecaster.MeanAbsolutePercentageError(state)!.Value, 6);

        var third = _forecaster.Observe(state, Tuesday0815, 4); // predicted 13 from the time of day: 9 / 4
        Assert.Equal(2.25, third.PercentageError!.Value, 3);
        Assert.Equal(0.5 + 0.02 * (2.25 - 0.5), DemandForecaster.MeanAbsolutePercentageError(state)!.Value, 4);

        var zero = _forecaster.Observe(state, Wednesday0815, 0); // no bookings: no percentage, but learned
        Assert.Null(zero.PercentageError);
        Assert.Equal(2, state.ScoredSlots);
        Assert.Equal(1, _forecaster.Predict(state, Wednesday0815).SlotSamples);
    }

    [Fact]
    public void Slot_counters_saturate_instead_of_wrapping()
    {
        var state = new DemandForecastState();
        for (var i = 0; i < 300; i++)
        {
            _forecaster.Observe(state, Monday0815, 5);
        }

        Assert.Equal(255, _forecaster.Predict(state, Monday0815).SlotSamples);
        Assert.Equal(5, _forecaster.Predict(state, Monday0815).Expected, 6);
    }

    [Fact]
    public void State_fits_in_seven_by_ninety_six_floats()
    {
        var state = new DemandForecastState();

        var arrayBytes = state.Means.Length * 2 + state.Counts.Length; // Half is two bytes
        Assert.True(arrayBytes <= 7 * 96 * sizeof(float), $"{arrayBytes} bytes");
    }

    [Fact]
    public void State_survives_a_json_round_trip()
    {
        var state = new DemandForecastState();
        _forecaster.Observe(state, Monday0815, 12);
        _forecaster.Observe(state, Monday0815, 7);
        _forecaster.Observe(state, Tuesday0815, 3);

        var copy = JsonSerializer.Deserialize<DemandForecastState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(_forecaster.Predict(state, Monday0815), _forecaster.Predict(copy, Monday0815));
        Assert.Equal(_forecaster.Predict(state, Wednesday0300), _forecaster.Predict(copy, Wednesday0300));
        Assert.Equal(DemandForecaster.MeanAbsolutePercentageError(state), DemandForecaster.MeanAbsolutePercentageError(copy));
    }

    [Fact]
    public void Bad_state_and_actuals_are_refused()
    {
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => _forecaster.Predict(new DemandForecastState { Means = new Half[10] }, Monday0815)).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => _forecaster.Observe(new DemandForecastState(), Monday0815, -1)).ParamName);
    }
}
