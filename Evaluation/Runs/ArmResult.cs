using SupplyGrid.Grains;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Runs;

/// <summary>What one arm measured: the simulation's ground truth, the incentive ledger and the grid's own view.</summary>
/// <param name="Arm">The policy.</param>
/// <param name="Simulation">Ground-truth metrics from the simulation.</param>
/// <param name="Ledger">The reposition pool's ledger at the end.</param>
/// <param name="Grid">The city's KPIs as the grid computed them.</param>
/// <param name="Run">How the run went: volumes, failures and where the time went.</param>
public sealed record ArmResult(ArmKind Arm, SimulationResult Simulation, CampaignMetrics Ledger, CityMetrics Grid, ArmRunStatistics Run);

/// <summary>The mechanics of one arm's run.</summary>
/// <param name="Steps">Lockstep steps taken.</param>
/// <param name="EventsDelivered">Simulation events delivered to grains.</param>
/// <param name="EventsUnconsumed">Events of topics no grain subscribes to.</param>
/// <param name="DeadLetters">Events that broke their topic's contract.</param>
/// <param name="GrainFailures">Grain turns that failed on a delivered event.</param>
/// <param name="FirstGrainFailure">The first such failure, if any.</param>
/// <param name="TimerTicks">Grain timer ticks the silo ran.</param>
/// <param name="MdtMessages">MDT messages relayed to simulated drivers.</param>
/// <param name="NaiveRounds">Rounds of the naive policy that sent drivers (naive arm only).</param>
/// <param name="GridWarnings">Warnings and errors the domain's grains and services logged.</param>
/// <param name="FirstGridWarning">The first of them, if any.</param>
/// <param name="RuntimeWarnings">Warnings and errors Orleans and the hosting logged (slow turns on a loaded machine among them).</param>
/// <param name="FirstRuntimeWarning">The first of them, if any.</param>
/// <param name="WallTime">Real time the arm took, silo start and stop included.</param>
/// <param name="SimulationTime">Real time spent advancing the simulation.</param>
/// <param name="EventTime">Real time spent delivering events and waiting for the grains.</param>
/// <param name="TimerTime">Real time spent moving the grid's clock, firing the due timers and waiting for the grains.</param>
public sealed record ArmRunStatistics(
    int Steps,
    long EventsDelivered,
    long EventsUnconsumed,
    long DeadLetters,
    long GrainFailures,
    string? FirstGrainFailure,
    long TimerTicks,
    long MdtMessages,
    int NaiveRounds,
    long GridWarnings,
    string? FirstGridWarning,
    long RuntimeWarnings,
    string? FirstRuntimeWarning,
    TimeSpan WallTime,
    TimeSpan SimulationTime,
    TimeSpan EventTime,
    TimeSpan TimerTime);
