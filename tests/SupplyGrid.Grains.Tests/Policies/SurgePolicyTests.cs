using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class SurgePolicyTests
{
    private static readonly DateTimeOffset T0 = TestClock.MondayMidnightUtc.AddHours(4); // 12:00 in Singapore
    private readonly SurgePolicy _policy = new(new SurgeOptions(), TestClock.Singapore);

    private static SurgeInputs Pressure(double demandOverSupply) => new(Demand: demandOverSupply * 10, Supply: 10);

    [Fact]
    public void A_rise_is_limited_to_half_the_current_value_and_then_waits_for_the_cooldown()
    {
        var first = _policy.Next(SurgeState.Initial, Pressure(3), T0); // target 1.8

        Assert.Equal(SurgeReason.Raised, first.Reason);
        Assert.Equal(1.5, first.Multiplier, 9); // 1.0 x 1.5
        Assert.True(first.StepLimited);
        Assert.Equal(1.8, first.Target, 9);
        Assert.Equal(T0, first.State.LastChangedAt);

        var tooSoon = _policy.Next(first.State, Pressure(3), T0.AddSeconds(59));
        Assert.Equal(SurgeReason.CoolingDown, tooSoon.Reason);
        Assert.False(tooSoon.Changed);
        Assert.Equal(first.State, tooSoon.State);

        var later = _policy.Next(first.State, Pressure(3), T0.AddSeconds(60));
        Assert.Equal(SurgeReason.Raised, later.Reason);
        Assert.Equal(1.8, later.Multiplier, 9);
        Assert.False(later.StepLimited);
    }

    [Fact]
    public void Extreme_pressure_climbs_to_the_cap_in_steps()
    {
        var state = SurgeState.Initial;
        var seen = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            state = _policy.Next(state, Pressure(13.7), T0.AddMinutes(i)).State;
            seen.Add(state.Multiplier);
        }

        // 1.0 -> 1.5 -> 2.25 -> 3.0 (cap), then steady.
        Assert.Equal([1.5, 2.25, 3.0, 3.0], seen.Select(m => Math.Round(m, 9)));
    }

    [Fact]
    public void A_fall_is_published_and_limited_to_half_the_current_value()
    {
        var high = new SurgeState(3.0, T0);

        var first = _policy.Next(high, Pressure(0.8), T0.AddMinutes(1));
        var second = _policy.Next(first.State, Pressure(0.8), T0.AddMinutes(2));

        Assert.Equal(SurgeReason.Lowered, first.Reason);
        Assert.True(first.Changed);
        Assert.Equal(1.5, first.Multiplier, 9); // 3.0 x 0.5
        Assert.Equal(SurgeReason.Lowered, second.Reason);
        Assert.Equal(1.0, second.Multiplier);
    }

    [Fact]
    public void Zero_supply_with_demand_heads_for_the_cap()
    {
        var decision = _policy.Next(new SurgeState(2.0, null), new SurgeInputs(Demand: 5, Supply: 0), T0);

        Assert.Equal(3.0, decision.Target);
        Assert.Equal(3.0, decision.Multiplier);
    }

    [Fact]
    public void Business_multipliers_apply_before_the_single_final_cap()
    {
        // Base 5.0 (r' = 13.7) x weather 0.5 = 2.5. Capping the base first would give 3.0 x 0.5 = 1.5.
        var decision = _policy.Next(new SurgeState(2.0, null), Pressure(13.7) with { WeatherMultiplier = 0.5 }, T0);

        Assert.Equal(5.0, decision.BaseMultiplier, 9);
        Assert.Equal(2.5, decision.Target, 9);
        Assert.Equal(2.5, decision.Multiplier, 9);
    }

    [Fact]
    public void Event_and_weather_multiply_the_base()
    {
        // r' = 1.5: base 1.25; x 1.2 x 1.1 = 1.65.
        var decision = _policy.Next(new SurgeState(1.5, null), Pressure(1.5) with { EventMultiplier = 1.2, WeatherMultiplier = 1.1 }, T0);

        Assert.Equal(1.32, decision.BusinessMultiplier, 9);
        Assert.Equal(1.65, decision.Target, 9);
        Assert.Equal(1.65, decision.Multiplier, 9);
    }

    [Fact]
    public void Everything_above_the_cap_is_cut_once()
    {
        // r' = 3: base 1.8 x event 2 = 3.6 -> 3.0.
        var decision = _policy.Next(new SurgeState(2.5, null), Pressure(3) with { EventMultiplier = 2 }, T0);

        Assert.Equal(3.0, decision.Target);
        Assert.Equal(3.0, decision.Multiplier);
    }

    [Fact]
    public void Published_values_sit_on_the_grid_rounded_toward_the_current_value()
    {
        // r' = 1.47: target 1.235, published 1.20 (rounding up would add to the move).
        var rise = _policy.Next(SurgeState.Initial, Pressure(1.47), T0);
        Assert.Equal(1.235, rise.Target, 9);
        Assert.Equal(1.2, rise.Multiplier, 9);

        // r' = 1.08: target 1.04, less than one grid step above 1.0: nothing to publish.
        var tiny = _policy.Next(SurgeState.Initial, Pressure(1.08), T0);
        Assert.Equal(SurgeReason.Steady, tiny.Reason);
        Assert.Equal(1.0, tiny.Multiplier);

        // Falling from 2.0 toward 1.235 rounds up, to 1.25.
        var fall = _policy.Next(new SurgeState(2.0, null), Pressure(1.47), T0);
        Assert.Equal(1.25, fall.Multiplier, 9);
    }

    [Fact]
    public void A_change_within_the_cooldown_waits_but_no_change_needed_is_steady()
    {
        var state = new SurgeState(1.5, T0);

        Assert.Equal(SurgeReason.Steady, _policy.Next(state, Pressure(2), T0.AddSeconds(1)).Reason); // target 1.5
        Assert.Equal(SurgeReason.CoolingDown, _policy.Next(state, Pressure(0.5), T0.AddSeconds(1)).Reason);
    }

    [Fact]
    public void A_zero_cooldown_allows_a_change_on_every_update()
    {
        var policy = new SurgePolicy(new SurgeOptions { Cooldown = TimeSpan.Zero }, TestClock.Singapore);

        var first = policy.Next(SurgeState.Initial, Pressure(13.7), T0);
        var second = policy.Next(first.State, Pressure(13.7), T0);

        Assert.Equal(2.25, second.Multiplier, 9);
    }

    [Fact]
    public void Rush_hours_apply_in_the_citys_local_time()
    {
        var options = new SurgeOptions
        {
            RushHours = [new RushHourWindow { Start = new(7, 0, 0), End = new(9, 30, 0), Days = [DayOfWeek.Monday, DayOfWeek.Tuesday], Multiplier = 1.2 }],
        };
        var policy = new SurgePolicy(options, TestClock.Singapore);
        var mondayMorningRush = TestClock.MondayMidnightUtc.AddMinutes(30); // 08:30 local

        var inRush = policy.Next(new SurgeState(1.5, null), Pressure(1.5), mondayMorningRush);
        var afterRush = policy.Next(new SurgeState(1.5, null), Pressure(1.5), mondayMorningRush.AddHours(1.5)); // 10:00 local

        Assert.Equal(1.2, inRush.RushHourMultiplier);
        Assert.Equal(1.5, inRush.Target, 9); // 1.25 x 1.2
        Assert.Equal(1.0, afterRush.RushHourMultiplier);
        Assert.Equal(1.25, afterRush.Target, 9);
    }

    [Fact]
    public void A_cap_lowered_below_the_current_value_wins_over_the_step_limit()
    {
        var policy = new SurgePolicy(new SurgeOptions { Cap = 2.0 }, TestClock.Singapore);

        var decision = policy.Next(new SurgeState(5.0, null), Pressure(13.7), T0);

        Assert.Equal(2.0, decision.Multiplier);
    }

    [Fact]
    public void Invalid_state_and_inputs_are_refused()
    {
        Assert.Equal("state.Multiplier", Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Next(new SurgeState(0.5, null), Pressure(1), T0)).ParamName);
        Assert.Equal("inputs.EventMultiplier", Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Next(SurgeState.Initial, Pressure(1) with { EventMultiplier = 0 }, T0)).ParamName);
    }
}
