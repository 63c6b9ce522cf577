using SupplyGrid.Evaluation.Command;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests.Command;

public sealed class EvaluationArgumentsTests
{
    [Fact]
    public void The_replay_options_of_the_brief_parse()
    {
        var options = EvaluationArguments.Parse(
            ["--replay", "f.csv", "--base", "B02512", "--fold-days", "--from", "2014-04-01", "--to", "2014-04-30", "--drivers", "1300", "--seed", "42", "--naive", "--out", "dir"]);

        Assert.Equal("f.csv", options.Replay);
        Assert.Equal("B02512", options.Base);
        Assert.True(options.FoldDays);
        Assert.Equal(new DateOnly(2014, 4, 1), options.From);
        Assert.Equal(new DateOnly(2014, 4, 30), options.To);
        Assert.Equal(1300, options.Drivers);
        Assert.Equal(42UL, options.Seed);
        Assert.True(options.Naive);
        Assert.Equal("dir", options.Out);
        Assert.False(options.InProcess);
        Assert.Null(options.Arm);
        Assert.Null(options.ShiftExponent);
    }

    [Fact]
    public void The_shift_exponent_reaches_the_fleet_of_the_scenario()
    {
        var options = EvaluationArguments.Parse(["--shift-exponent", "1", "--out", "dir"]);

        var scenario = ScenarioFactory.Create(options);

        Assert.Equal(1.0, scenario.Simulation.Fleet.ShiftDemandExponent);
        Assert.Equal(0.75, ScenarioFactory.Create(EvaluationArguments.Parse(["--out", "dir"])).Simulation.Fleet.ShiftDemandExponent);
    }

    [Theory]
    [InlineData("--out|d|--frobnicate", "unknown argument '--frobnicate'")]
    [InlineData("--drivers|10", "--out DIR is required")]
    [InlineData("--out|d|--drivers", "--drivers needs a value")]
    [InlineData("--out|d|--drivers|ten", "--drivers 'ten' is not a number")]
    [InlineData("--out|d|--drivers|2.5", "--drivers '2.5' is not a whole number")]
    [InlineData("--out|d|--drivers|0", "--drivers 0 is out of range")]
    [InlineData("--out|d|--seed|-1", "--seed '-1' is not a whole number")]
    [InlineData("--out|d|--from|1/4/2014", "--from '1/4/2014' is not a date")]
    [InlineData("--out|d|--base|B02512", "--base needs --replay")]
    [InlineData("--out|d|--fold-days", "--fold-days needs --replay")]
    [InlineData("--out|d|--replay|f|--bookings-per-hour|10", "--bookings-per-hour is for generated demand")]
    [InlineData("--out|d|--replay|f|--from|2014-04-02|--to|2014-04-01", "--to (2014-04-01) is before --from (2014-04-02)")]
    [InlineData("--out|d|--step-seconds|5|--tick-seconds|12", "--tick-seconds (12) must be a whole multiple of --step-seconds (5)")]
    [InlineData("--out|d|--format|csv|--replay|f", "--format 'csv' is not one of auto, nyc, generic")]
    [InlineData("--out|d|--arm|observe", "--arm and --arm-result go together")]
    [InlineData("--out|d|--shift-exponent|3", "--shift-exponent 3 is out of range")]
    [InlineData("--out|d|--always-online|--shift-exponent|1", "--shift-exponent shapes shifts; --always-online has none")]
    [InlineData("--out|d|--arm|naive|--arm-result|r.json", "--arm naive needs --naive")]
    [InlineData("--out|d|--out|e", "--out is given twice")]
    [InlineData("--out|d|--grid-setting", "--grid-setting needs KEY=VALUE")]
    [InlineData("--out|d|--grid-setting|Policies:Reposition:SearchRadiusKm", "is not KEY=VALUE")]
    [InlineData("--out|d|--grid-setting|=3", "is not KEY=VALUE")]
    [InlineData("--out|d|--grid-setting|Policies::X=3", "is not a configuration key")]
    [InlineData("--out|d|--grid-setting|A:B=1|--grid-setting|a:b=2", "--grid-setting sets a:b twice")]
    public void Unusable_arguments_are_refused_naming_the_option(string args, string expected)
    {
        var error = Assert.Throws<EvaluationArgumentException>(() => EvaluationArguments.Parse(args.Split('|')));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task The_command_answers_unusable_arguments_with_exit_code_2()
    {
        Assert.Equal(2, await EvaluationCommand.RunAsync(["--drivers", "10"]));
        Assert.Equal(2, await EvaluationCommand.RunAsync(["--city", "atlantis", "--out", "d"]));
        Assert.Equal(2, await EvaluationCommand.RunAsync(["--replay", "/no/such/file.csv", "--out", "d"]));
    }

    [Fact]
    public async Task A_grid_setting_the_grid_refuses_is_exit_code_2_naming_the_key_before_any_arm_runs()
    {
        var output = Path.Combine(Path.GetTempPath(), "evaluation-refused-" + Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await EvaluationCommand.RunAsync(["--grid-setting", "Policies:Reposition:SearchRadiusKm=-1", "--out", output]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("Cities:singapore:Policies:Reposition:SearchRadiusKm", error.ToString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Grid_settings_are_collected_from_every_occurrence()
    {
        var options = EvaluationArguments.Parse(["--grid-setting", "Policies:Reposition:WidenedRadiusKm=8", "--out", "d", "--grid-setting", "Cells:TickInterval = 00:01:00"]);

        Assert.Equal(2, options.GridSettings.Count);
        Assert.Equal("8", options.GridSettings["Policies:Reposition:WidenedRadiusKm"]);
        Assert.Equal("00:01:00", options.GridSettings["Cells:TickInterval"]);
    }

    [Fact]
    public void A_single_arm_run_is_named_with_its_result_file()
    {
        var options = EvaluationArguments.Parse(["--naive", "--arm", "naive", "--arm-result", "r.json", "--out", "d"]);

        Assert.Equal(ArmKind.Naive, options.Arm);
        Assert.Equal("r.json", options.ArmResult);
    }
}
