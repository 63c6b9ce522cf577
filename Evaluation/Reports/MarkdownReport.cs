using System.Globalization;
using System.Text;

namespace SupplyGrid.Evaluation.Reports;

/// <summary>DIR/evaluation.md: the scenario, one row per arm, each arm against the observing arm, and the run times.</summary>
public static class MarkdownReport
{
    public static string Write(EvaluationReport report, TimingReport timing)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(timing);
        var s = report.Scenario;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Evaluation: {s.Name}"));
        text.AppendLine();
        text.AppendLine(Invariant($"City {s.City} ({s.TimeZone}), {s.Start:yyyy-MM-dd HH:mm}Z to {s.End:yyyy-MM-dd HH:mm}Z; {s.Drivers:N0} drivers ({(s.AlwaysOnline ? "always online" : $"on shifts following demand to the power {s.ShiftExponent:0.##}")}), seed {s.Seed}; step {s.StepSeconds:0.#} s, cells recompute every {s.CellTickSeconds:0.#} s; reposition budget {s.Budget:N0} {s.Currency}."));
        if (s.GridSettings.Count > 0)
            text.AppendLine(Invariant($"Grid settings of the city (every arm): {string.Join(", ", s.GridSettings.Select(p => $"{p.Key}={p.Value}"))}."));
        if (s.Replay is { } r)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"Replay {r.File} ({r.Format} format): {r.Rows:N0} rows, {r.Kept:N0} kept, {r.Malformed:N0} malformed, {r.OutOfBounds:N0} outside the city, {r.OtherBase:N0} of other bases, {r.OutsideDates:N0} outside the dates."));
        }

        text.AppendLine();
        text.AppendLine("| arm | bookings | served % | mean pickup km | p50 pickup km | p90 pickup km | mean pickup min | utilization % | empty km | offers | accepted | arrived | spend |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in report.Arms)
        {
            text.AppendLine(Invariant(
                $"| {a.Name} | {a.Bookings:N0} | {a.ServedPct:0.0} | {a.MeanPickupKm:0.000} | {a.P50PickupKm:0.000} | {a.P90PickupKm:0.000} | {a.MeanPickupMin:0.00} | {a.UtilizationPct:0.0} | {a.EmptyKm:N0} | {a.Offers:N0} | {a.Accepted:N0} | {a.Arrived:N0} | {a.Spend:N2} |"));
        }

        text.AppendLine();
        text.AppendLine("Expired bookings by the free drivers at expiry: one within the dispatcher's reach (in reach); none in reach but within 10 km at least as many as bookings waiting there (misplaced); fewer (short):");
        text.AppendLine();
        text.AppendLine("| arm | expired | in reach | misplaced | short |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var a in report.Arms)
            text.AppendLine(Invariant($"| {a.Name} | {a.Expired:N0} | {a.ExpiredInReach:N0} | {a.ExpiredMisplaced:N0} | {a.ExpiredShort:N0} |"));

        var compared = report.Arms.Where(a => a.ExtraServedVsObserve is not null).ToArray();
        if (compared.Length > 0)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"Against the observing arm (money in {s.Currency}):"));
            text.AppendLine();
            text.AppendLine("| arm | extra served | served change % | mean pickup km change % | spend per extra served | mean incentive paid | directives |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var a in compared)
            {
                text.AppendLine(Invariant(
                    $"| {a.Name} | {a.ExtraServedVsObserve:N0} | {Optional(a.ServedChangePct, "+0.0;-0.0")} | {Optional(a.MeanPickupKmChangePct, "+0.0;-0.0")} | {Optional(a.SpendPerExtraServed)} | {Optional(a.MeanIncentive)} | {a.Directives:N0} |"));
            }
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Run time on {timing.Cores} cores ({timing.Machine}, {timing.Runtime}): {timing.TotalSeconds:0.0} s in all."));
        text.AppendLine();
        text.AppendLine("| arm | wall s | simulation s | events s | timers s |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var t in timing.Arms)
            text.AppendLine(Invariant($"| {t.Name} | {t.WallSeconds:0.0} | {t.SimulationSeconds:0.0} | {t.EventSeconds:0.0} | {t.TimerSeconds:0.0} |"));
        return text.ToString();
    }

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Optional(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
