using System.Runtime;

namespace SupplyGrid.Bench.City;

/// <summary>
/// Feeds whole rounds until tiered compilation has reached the code the run executes: a silo that has run for a while
/// is measured, not one still compiling (with the first five rounds alone the JIT took a tenth of the measured CPU).
/// </summary>
internal static class JitWarmUp
{
    /// <summary>A round that compiles fewer methods than this ends the warm-up.</summary>
    public const int SettledMethods = 20;

    /// <summary>
    /// Whole rounds until at least <paramref name="minRounds"/> have run in all and the last compiled fewer than
    /// <see cref="SettledMethods"/> methods, or <paramref name="maxRounds"/>. Returns the rounds run and the methods
    /// the last one compiled.
    /// </summary>
    public static (long Rounds, long LastRoundMethods) Run(CityFeeder feeder, long minRounds, long maxRounds)
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        while (true)
        {
            var target = feeder.Rounds + 1;
            feeder.Run(() => feeder.Rounds >= target);
            var now = JitInfo.GetCompiledMethodCount();
            var fresh = now - compiled;
            compiled = now;
            if (feeder.Rounds >= maxRounds || (feeder.Rounds >= minRounds && fresh < SettledMethods))
                return (feeder.Rounds, fresh);
        }
    }
}
