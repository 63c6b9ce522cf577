using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Policies;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Storage;
using SupplyGrid.Kafka;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>
/// Runs one arm: a grid of the domain grains on its own host and a simulated city, advanced together in lockstep.
/// Each step the simulation runs to the step's end, the grid's clock moves there, the step's events go to the grains
/// in order, the due timers fire, and the MDT messages the grains sent go back to the simulated drivers, who act on
/// them in the next step. The grid runs on one worker thread that drains what each step queued, in the order queued
/// (<see cref="SingleGridWorker"/>), and the runner waits until it is quiet before going on, so the same seed gives
/// the same run. Must be called from a thread outside the thread pool, with no other arm running in the process.
/// </summary>
public static class ArmRunner
{
    /// <summary>A step's timers fire again while firing makes more of them due at once (a deadline of zero).</summary>
    private const int MaxTimerRounds = 8;

    public static ArmResult Run(EvaluationScenario scenario, ArmKind arm, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        var started = Stopwatch.GetTimestamp();
        var clock = new LockstepClock(scenario.Start);
        var relay = new TerminalRelay();
        var warnings = new WarningCounter();
        var budget = arm == ArmKind.Reposition ? scenario.Grid.Budget : 0m;
        using var worker = SingleGridWorker.Take();
        using var host = BuildHost(scenario, budget, clock, relay, warnings);
        host.StartAsync().GetAwaiter().GetResult();
        try
        {
            var feed = new GridFeed(host.Services.GetRequiredService<IRecordDispatcher>(), clock);
            var simulation = new CitySimulation(scenario.City, scenario.Demand(), scenario.Start, scenario.Simulation, feed);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var city = grains.GetGrain<ICityGrain>(scenario.City.Id);
            var naive = arm == ArmKind.Naive ? new NaivePolicy(city, scenario.Grid.CellTick) : null;
            var timing = new Timing();
            int steps = 0;
            long timerTicks = 0;
            var nextReport = scenario.Start + TimeSpan.FromHours(1);
            for (var t = scenario.Start; t < scenario.End;)
            {
                t = Min(t + scenario.Grid.Step, scenario.End);
                var mark = Stopwatch.GetTimestamp();
                simulation.AdvanceTo(t);
                timing.Simulation += Stopwatch.GetElapsedTime(mark);

                mark = Stopwatch.GetTimestamp();
                clock.MoveTo(t);
                worker.Hold();
                feed.DeliverStep();
                worker.ReleaseAndWait();
                timing.Events += Stopwatch.GetElapsedTime(mark);

                mark = Stopwatch.GetTimestamp();
                timerTicks += FireTimers(clock, worker);
                timing.Timers += Stopwatch.GetElapsedTime(mark);

                foreach (var message in relay.Drain())
                    simulation.OnMdtMessage(message);
                naive?.Apply(simulation, t);
                steps++;
                if (progress is not null && t >= nextReport)
                {
                    progress($"{arm}: {t:yyyy-MM-dd HH:mm}Z, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
                    nextReport += TimeSpan.FromHours(1);
                }
            }

            // The last step's messages (payments above all) reach the drivers without moving time on.
            simulation.AdvanceTo(scenario.End);
            var ledger = grains.GetGrain<ICampaignGrain>(host.Services.GetRequiredService<CityDirectory>().Get(scenario.City.Id).PoolCampaignId)
                .GetMetrics().GetAwaiter().GetResult();
            var gridMetrics = city.GetMetrics().GetAwaiter().GetResult();
            var statistics = new ArmRunStatistics(steps, feed.Delivered, feed.Unconsumed, feed.DeadLetters, feed.Failures, feed.FirstFailure,
                timerTicks, relay.Relayed, naive?.Rounds ?? 0, warnings.Count, warnings.First,
                Stopwatch.GetElapsedTime(started), timing.Simulation, timing.Events, timing.Timers);
            return new ArmResult(arm, simulation.Results(), ledger, gridMetrics, statistics);
        }
        finally
        {
            host.StopAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Checks the grid's configuration for the scenario (the city settings above all) as the grid's start would,
    /// without starting anything, so a bad --grid-setting is refused before any arm process runs.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is refused; the message names its key.</exception>
    public static void CheckGridConfiguration(EvaluationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var host = BuildHost(scenario, scenario.Grid.Budget, new LockstepClock(scenario.Start), new TerminalRelay(), new WarningCounter());
        host.Services.GetRequiredService<CityDirectory>();
    }

    /// <summary>Fires the due timers while the worker is held, then lets it run their ticks; again if more fell due.</summary>
    private static long FireTimers(LockstepClock clock, SingleGridWorker worker)
    {
        long fired = 0;
        for (var round = 0; round < MaxTimerRounds && clock.AnyDue; round++)
        {
            worker.Hold();
            fired += clock.FireDue();
            worker.ReleaseAndWait();
        }

        return fired;
    }

    private static IHost BuildHost(EvaluationScenario scenario, decimal budget, LockstepClock clock, TerminalRelay relay, WarningCounter warnings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(GridCityConfiguration.For(scenario.City, scenario.Grid, budget))
            .Build();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(warnings);
        // Registered before the domain, whose in-memory defaults are added only when nothing else was.
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IMdtOutbox>(relay);
        builder.Services.AddGrid(grid => grid
            // Calls never wait across steps here (each step ends quiet), so the sweep for late calls can be rare.
            .Configure(o =>
            {
                o.TimeoutCheckInterval = TimeSpan.FromMinutes(1);
                // A turn slice ended by the clock would make the order of turns depend on the machine's speed.
                o.SchedulingQuantum = TimeSpan.MaxValue;
            })
            .AddSupplyGridDomain(configuration)
            .AddGrainStorage(GrainStorageNames.Default, _ => MemoryGrainStorage.ByReference()));
        return builder.Build();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private sealed class Timing
    {
        public TimeSpan Simulation;
        public TimeSpan Events;
        public TimeSpan Timers;
    }
}
