using System.Globalization;
using System.Security;
using System.Text;

namespace SupplyGrid.Evaluation.Reports;

/// <summary>
/// DIR/evaluation.svg, written by hand: two panels sharing the x axis (local hour of booking), served % on top and
/// mean pickup minutes below, one line per arm. An hour without bookings (or without a pickup) leaves a gap.
/// </summary>
public static class SvgChart
{
    private const double Width = 820, PanelHeight = 250, Left = 64, Right = 20, Top = 56, Gap = 70, LegendHeight = 40;

    private static readonly string[] Colours = ["#6b7280", "#2563eb", "#ea580c", "#16a34a"];

    public static string Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hours = report.Arms.Count > 0 ? report.Arms[0].Hours : [];
        var height = Top + 2 * PanelHeight + Gap + LegendHeight + 30;
        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine();
        svg.AppendLine(Invariant($"""<rect width="{Width}" height="{height}" fill="white"/>"""));
        svg.AppendLine(Invariant($"""<text x="{Left}" y="24" font-size="15" font-weight="bold">{Escape(report.Scenario.Name)}</text>"""));
        svg.AppendLine(Invariant($"""<text x="{Left}" y="42" fill="#374151">By local hour of booking ({Escape(report.Scenario.TimeZone)})</text>"""));

        var served = report.Arms.Select(a => a.Hours.Select(h => h.Bookings > 0 ? h.ServedPct : (double?)null).ToArray()).ToArray();
        var pickup = report.Arms.Select(a => a.Hours.Select(h => h.Served > 0 ? h.MeanPickupMin : (double?)null).ToArray()).ToArray();
        var servedFloor = Math.Min(50, Math.Floor(served.SelectMany(v => v).Where(v => v is not null).DefaultIfEmpty(100).Min()!.Value / 10) * 10);
        var pickupCeiling = Math.Max(1, Math.Ceiling(pickup.SelectMany(v => v).Where(v => v is not null).DefaultIfEmpty(1).Max()!.Value));
        Panel(svg, "Bookings served (%)", Top, servedFloor, 100, hours, served, showHours: false);
        Panel(svg, "Mean pickup time (minutes, served bookings)", Top + PanelHeight + Gap, 0, pickupCeiling, hours, pickup, showHours: true);

        var legendY = Top + 2 * PanelHeight + Gap + 42;
        for (var i = 0; i < report.Arms.Count; i++)
        {
            var x = Left + i * 150;
            svg.AppendLine(Invariant($"""<line x1="{x}" y1="{legendY}" x2="{x + 28}" y2="{legendY}" stroke="{Colour(i)}" stroke-width="3"/>"""));
            svg.AppendLine(Invariant($"""<text x="{x + 36}" y="{legendY + 4}">{Escape(report.Arms[i].Name)}</text>"""));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, string title, double top, double min, double max, IReadOnlyList<HourSummary> hours,
        double?[][] series, bool showHours)
    {
        var plotWidth = Width - Left - Right;
        var bottom = top + PanelHeight;
        svg.AppendLine(Invariant($"""<text x="{Left}" y="{top - 8}" font-weight="bold">{Escape(title)}</text>"""));
        svg.AppendLine(Invariant($"""<rect x="{Left}" y="{top}" width="{plotWidth}" height="{PanelHeight}" fill="none" stroke="#9ca3af"/>"""));
        var step = NiceStep((max - min) / 5);
        for (var v = Math.Ceiling(min / step) * step; v <= max + 1e-9; v += step)
        {
            var y = Y(v, min, max, top);
            svg.AppendLine(Invariant($"""<line x1="{Left}" y1="{y:0.#}" x2="{Left + plotWidth}" y2="{y:0.#}" stroke="#e5e7eb"/>"""));
            svg.AppendLine(Invariant($"""<text x="{Left - 8}" y="{y + 4:0.#}" text-anchor="end">{v:0.##}</text>"""));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(hours.Count / 24.0));
        for (var i = 0; i < hours.Count; i += labelEvery)
        {
            var x = X(i, hours.Count);
            svg.AppendLine(Invariant($"""<line x1="{x:0.#}" y1="{bottom}" x2="{x:0.#}" y2="{bottom + 4}" stroke="#9ca3af"/>"""));
            if (showHours)
                svg.AppendLine(Invariant($"""<text x="{x:0.#}" y="{bottom + 18}" text-anchor="middle">{hours[i].LocalHour:00}</text>"""));
        }

        for (var a = 0; a < series.Length; a++)
        {
            var path = new StringBuilder();
            var pen = 'M';
            for (var i = 0; i < series[a].Length; i++)
            {
                if (series[a][i] is not { } value)
                {
                    pen = 'M';
                    continue;
                }

                path.Append(Invariant($"{pen}{X(i, series[a].Length):0.#},{Y(value, min, max, top):0.#} "));
                pen = 'L';
            }

            svg.AppendLine(Invariant($"""<path d="{path.ToString().TrimEnd()}" fill="none" stroke="{Colour(a)}" stroke-width="2"/>"""));
        }
    }

    private static double X(int index, int count) => Left + (count <= 1 ? 0 : index * (Width - Left - Right) / (count - 1));

    private static double Y(double value, double min, double max, double top) =>
        top + PanelHeight - (Math.Clamp(value, min, max) - min) / (max - min) * PanelHeight;

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (factor * power >= rough)
                return factor * power;
        }

        return 10 * power;
    }

    private static string Colour(int arm) => Colours[arm % Colours.Length];

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
