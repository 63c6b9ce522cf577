using System.Runtime.InteropServices;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Reports;

/// <summary>What DIR/timings.json holds: where the real time went, and on what machine. Varies from run to run.</summary>
public sealed record TimingReport(string Machine, int Cores, string Runtime, double TotalSeconds, IReadOnlyList<ArmTiming> Arms)
{
    public static TimingReport From(IReadOnlyList<ArmResult> arms, TimeSpan total) => new(
        $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}",
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        Seconds(total),
        [.. arms.Select(a => new ArmTiming(ReportBuilder.ArmName(a.Arm), Seconds(a.Run.WallTime), Seconds(a.Run.SimulationTime),
            Seconds(a.Run.EventTime), Seconds(a.Run.TimerTime)))]);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 2);
}

/// <param name="WallSeconds">The whole arm, host start to stop.</param>
/// <param name="SimulationSeconds">Advancing the simulation.</param>
/// <param name="EventSeconds">Delivering events and waiting for the grains to handle them.</param>
/// <param name="TimerSeconds">Firing timers (cell ticks, offer deadlines) and waiting for the grains.</param>
public sealed record ArmTiming(string Name, double WallSeconds, double SimulationSeconds, double EventSeconds, double TimerSeconds);
