using System.Diagnostics;
using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Grains;
using SupplyGrid.Lockstep;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// Runs one arm: the domain grains on an Orleans silo of the arm's own (<see cref="ArmSilo"/>) and a simulated city,
/// advanced together in lockstep. Each step the simulation runs to the step's end; the step's events go to the grains
/// in order, with the grid's clock still at the step's start; once the grid is quiet its clock moves to the step's end,
/// which fires the timers due by then (cells recompute every cell tick, seeing every event of the step); once quiet
/// again the MDT messages the grains sent go to the simulated drivers, who act on them in the next step. "Quiet" is
/// the <see cref="LockstepClock"/>'s: no grain call, timer tick, reminder or deactivation in flight, and a wait that
/// fails loudly, naming what is still running, when the grid does not settle.
/// </summary>
public static class ArmRunner
{
    /// <summary>How long one step may take to settle (real time) before the arm fails.</summary>
    public static readonly TimeSpan QuietTimeout = TimeSpan.FromMinutes(2);

    public static async Task<ArmResult> RunAsync(EvaluationScenario scenario, ArmKind arm, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        var started = Stopwatch.GetTimestamp();
        var clock = new LockstepClock(scenario.Start) { QuietTimeout = QuietTimeout };
        var relay = new TerminalRelay();
        var logs = new WarningCounter();
        var budget = arm == ArmKind.Reposition ? scenario.Grid.Budget : 0m;
        await using var silo = await ArmSilo.StartAsync(scenario, budget, clock, relay, logs);
        var feed = new GridFeed(silo.Dispatcher, clock);
        var simulation = new CitySimulation(scenario.City, scenario.Demand(), scenario.Start, scenario.Simulation, feed);
        var city = silo.Grains.GetGrain<ICityGrain>(scenario.City.Id);
        var naive = arm == ArmKind.Naive ? new NaivePolicy(city, scenario.Grid.CellTick) : null;
        var timing = new Timing();
        var steps = 0;
        var nextReport = scenario.Start + TimeSpan.FromHours(1);
        for (var t = scenario.Start; t < scenario.End; steps++)
        {
            var end = Min(t + scenario.Grid.Step, scenario.End);
            var mark = Stopwatch.GetTimestamp();
            simulation.AdvanceTo(end);
            timing.Simulation += Stopwatch.GetElapsedTime(mark);

            mark = Stopwatch.GetTimestamp();
            _ = clock.Track(feed.DeliverStepAsync(), $"the events of the step to {end:O}");
            await clock.WhenQuietAsync();
            timing.Events += Stopwatch.GetElapsedTime(mark);

            mark = Stopwatch.GetTimestamp();
            await clock.AdvanceAsync(end - t, end - t);
            timing.Timers += Stopwatch.GetElapsedTime(mark);

            foreach (var message in relay.Drain())
                simulation.OnMdtMessage(message);
            if (naive is not null)
                await naive.ApplyAsync(simulation, end);
            t = end;
            if (progress is not null && t >= nextReport)
            {
                progress($"{arm}: {t:yyyy-MM-dd HH:mm}Z, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
                nextReport += TimeSpan.FromHours(1);
            }
        }

        // The last step's messages (payments above all) reach the drivers without moving time on.
        simulation.AdvanceTo(scenario.End);
        var ledger = await silo.Grains.GetGrain<ICampaignGrain>(silo.Cities.Get(scenario.City.Id).PoolCampaignId).GetMetrics();
        var gridMetrics = await city.GetMetrics();
        var statistics = new ArmRunStatistics(steps, feed.Delivered, feed.Unconsumed, feed.DeadLetters, feed.Failures, feed.FirstFailure,
            silo.TimerTicks, relay.Relayed, naive?.Rounds ?? 0, logs.Domain.Count, logs.Domain.First, logs.Runtime.Count, logs.Runtime.First,
            Stopwatch.GetElapsedTime(started), timing.Simulation, timing.Events, timing.Timers);
        return new ArmResult(arm, simulation.Results(), ledger, gridMetrics, statistics);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private sealed class Timing
    {
        public TimeSpan Simulation;
        public TimeSpan Events;
        public TimeSpan Timers;
    }
}
