using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class SurgePropertyTests
{
    [Theory]
    [InlineData(1, 3.0, 60)]
    [InlineData(2, 2.0, 30)]
    [InlineData(3, 4.5, 0)]
    public void Over_random_updates_the_multiplier_stays_capped_moves_at_most_half_and_respects_the_cooldown(int seed, double cap, int cooldownSeconds)
    {
        var options = new SurgeOptions
        {
            Cap = cap,
            Cooldown = TimeSpan.FromSeconds(cooldownSeconds),
            RushHours = [new RushHourWindow { Start = new(17, 0, 0), End = new(20, 0, 0), Multiplier = 1.3 }],
        };
        var policy = new SurgePolicy(options, TestClock.Singapore);
        var random = new Random(seed);
        var state = SurgeState.Initial;
        var now = TestClock.MondayMidnightUtc;
        var changes = 0;

        for (var i = 0; i < 5_000; i++)
        {
            now = now.AddSeconds(random.Next(0, 120));
            var inputs = new SurgeInputs(
                Demand: random.Next(0, 4) == 0 ? 0 : random.NextDouble() * 50,
                Supply: random.Next(0, 4) == 0 ? 0 : random.NextDouble() * 20,
                EventMultiplier: 0.5 + random.NextDouble() * 1.5,
                WeatherMultiplier: 0.8 + random.NextDouble() * 0.6);

            var decision = policy.Next(state, inputs, now);
            var before = state.Multiplier;
            var after = decision.Multiplier;

            Assert.InRange(after, 1.0, cap);
            Assert.True(Math.Abs(after - before) <= 0.5 * before + 1e-9, $"step {i}: {before} -> {after}");
            if (decision.Changed)
            {
                changes++;
                Assert.True(state.LastChangedAt is null || now - state.LastChangedAt >= options.Cooldown, $"step {i}: changed within the cooldown");
                Assert.Equal(now, decision.State.LastChangedAt);
                Assert.NotEqual(before, after);
            }
            else
            {
                Assert.Equal(state, decision.State);
            }

            state = decision.State;
        }

        Assert.True(changes > 100, $"only {changes} changes: the sequence did not exercise the policy");
    }

    [Fact]
    public void Under_steady_inputs_the_multiplier_settles_on_the_target()
    {
        var policy = new SurgePolicy(new SurgeOptions(), TestClock.Singapore);
        var state = SurgeState.Initial;
        var now = TestClock.MondayMidnightUtc;
        var inputs = new SurgeInputs(Demand: 40, Supply: 10); // r' = 4: 1.5 + 0.6 = 2.1

        for (var i = 0; i < 10; i++)
        {
            state = policy.Next(state, inputs, now.AddMinutes(i)).State;
        }

        Assert.Equal(2.1, state.Multiplier, 9);
        Assert.Equal(SurgeReason.Steady, policy.Next(state, inputs, now.AddMinutes(11)).Reason);
    }
}
