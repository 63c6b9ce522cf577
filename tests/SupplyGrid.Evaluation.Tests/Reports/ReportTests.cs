using System.Text.Json;
using System.Xml.Linq;
using SupplyGrid.Evaluation.Reports;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests.Reports;

[Collection(StandardRunsCollection.Name)]
public sealed class ReportTests(StandardRuns runs)
{
    private static readonly string[] BriefFields =
        ["name", "bookings", "served_pct", "mean_pickup_km", "p90_pickup_km", "mean_pickup_min", "utilization_pct", "empty_km", "offers", "accepted", "arrived", "spend",
            "expired", "expired_in_reach", "expired_misplaced", "expired_short"];

    [Fact]
    public void The_json_has_every_field_the_brief_names_for_every_arm()
    {
        var json = JsonDocument.Parse(ReportJson.Serialize(Report())).RootElement;

        var arms = json.GetProperty("arms").EnumerateArray().ToArray();
        Assert.Equal(["observe", "reposition", "naive"], arms.Select(a => a.GetProperty("name").GetString()));
        Assert.All(arms, arm => Assert.All(BriefFields, field => Assert.True(arm.TryGetProperty(field, out _), field)));
    }

    [Fact]
    public void Each_arm_is_compared_with_the_observing_arm()
    {
        var report = Report();
        var observe = report.Arms[0];
        var reposition = report.Arms[1];

        Assert.Null(observe.ExtraServedVsObserve);
        Assert.Equal(reposition.Served - observe.Served, reposition.ExtraServedVsObserve);
        // The report rounds half away from zero (Math.Round's default would round a spend ending in 5 to even).
        Assert.Equal(Math.Round(100 * ((double)reposition.Served / observe.Served - 1), 4, MidpointRounding.AwayFromZero), reposition.ServedChangePct);
        if (reposition.ExtraServedVsObserve > 0)
            Assert.Equal(Math.Round(reposition.Spend / reposition.ExtraServedVsObserve.Value, 2, MidpointRounding.AwayFromZero), reposition.SpendPerExtraServed);
        Assert.Equal(Math.Round(reposition.Spend / reposition.PaidOffers, 2, MidpointRounding.AwayFromZero), reposition.MeanIncentive);
    }

    [Fact]
    public void The_chart_is_svg_with_a_line_per_arm_in_each_panel()
    {
        var svg = XDocument.Parse(SvgChart.Write(Report()));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(2 * 3, svg.Descendants(ns + "path").Count());
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "reposition");
    }

    [Fact]
    public void The_markdown_table_has_a_row_per_arm()
    {
        var report = Report();
        var timing = TimingReport.From(runs.Balanced, TimeSpan.FromSeconds(1));

        var markdown = MarkdownReport.Write(report, timing);

        foreach (var arm in report.Arms)
            Assert.Contains($"| {arm.Name} | {arm.Bookings:N0} |", markdown);
    }

    [Fact]
    public async Task An_arm_result_file_reads_back_as_the_same_report()
    {
        var directory = Directory.CreateTempSubdirectory("evaluation-arms-").FullName;
        try
        {
            var read = new List<ArmResult>();
            foreach (var result in runs.Balanced)
            {
                var path = ArmResultFile.PathFor(directory, result.Arm);
                await ArmResultFile.WriteAsync(path, result);
                read.Add(await ArmResultFile.ReadAsync(path));
            }

            Assert.Equal(ReportJson.Serialize(Report()), ReportJson.Serialize(ReportBuilder.Build(runs.BalancedScenario, read)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private EvaluationReport Report() => ReportBuilder.Build(runs.BalancedScenario, runs.Balanced);
}
