using System.Text.Json;
using SupplyGrid.Evaluation.Command;
using SupplyGrid.Evaluation.Reports;

namespace SupplyGrid.Evaluation.Tests.Command;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evaluation-tests-").FullName;

    [Fact]
    public async Task Malformed_rows_of_an_nyc_file_are_counted_and_the_run_goes_on()
    {
        var file = Write("pickups.csv",
            "Date/Time,Lat,Lon,Base",
            "4/1/2014 0:11:00,40.7690,-73.9549,B02512",
            "4/1/2014 0:17:00,40.7267,-74.0345,B02512",
            "not a time,40.7316,-73.9873,B02512",
            "4/1/2014 0:21:00,40.7588,-73.9776,B02598",
            "4/1/2014 0:28:00,forty,-73.9776,B02512",
            "4/2/2014 0:35:00,40.7594,-73.9722,B02512",
            "4/2/2014 0:37:00,40.7383,-74.0403",
            "4/2/2014 0:39:00,40.7223,-73.9887,B02512",
            "4/3/2014 0:40:00,41.5000,-73.9887,B02512");
        var output = Path.Combine(_directory, "out");

        var code = await EvaluationProgram.RunAsync("--replay", file, "--base", "B02512", "--fold-days", "--drivers", "8", "--hours", "1", "--out", output);

        Assert.Equal(0, code);
        var replay = Read(output).GetProperty("scenario").GetProperty("replay");
        Assert.Equal("nyc", replay.GetProperty("format").GetString());
        Assert.Equal(9, replay.GetProperty("rows").GetInt32());
        Assert.Equal(3, replay.GetProperty("malformed").GetInt32());
        Assert.Equal(1, replay.GetProperty("other_base").GetInt32());
        Assert.Equal(1, replay.GetProperty("out_of_bounds").GetInt32());
        Assert.Equal(4, replay.GetProperty("kept").GetInt32());
        Assert.Equal(3, replay.GetProperty("errors").GetArrayLength());
        foreach (var arm in Read(output).GetProperty("arms").EnumerateArray())
            Assert.Equal(4, arm.GetProperty("bookings").GetInt32());
    }

    [Fact]
    public async Task Malformed_rows_of_a_generic_file_are_counted_and_the_run_goes_on()
    {
        var file = Write("trips.csv",
            "time,lat,lng,dropoff_lat,dropoff_lng",
            "2026-11-23 00:05:00,1.3000,103.8500,1.3500,103.9000",
            "2026-11-22T16:10:00Z,1.3100,103.8400,,",
            "2026-11-23 00:20:00,1.3000,103.85",
            "2026-11-23 00:25:00,1.3000,1000,1.3500,103.9000",
            "yesterday,1.3000,103.8500");
        var output = Path.Combine(_directory, "generic");

        var code = await EvaluationProgram.RunAsync("--replay", file, "--city", "singapore", "--drivers", "8", "--hours", "1", "--out", output);

        Assert.Equal(0, code);
        var replay = Read(output).GetProperty("scenario").GetProperty("replay");
        Assert.Equal("generic", replay.GetProperty("format").GetString());
        Assert.Equal(5, replay.GetProperty("rows").GetInt32());
        Assert.Equal(2, replay.GetProperty("malformed").GetInt32());
        Assert.Equal(3, replay.GetProperty("kept").GetInt32());
    }

    [Fact]
    public async Task A_replay_with_nothing_left_to_replay_is_refused_with_its_counts()
    {
        var file = Write("empty.csv", "Date/Time,Lat,Lon,Base", "bad,row,here,B02512");

        var error = await Assert.ThrowsAsync<EvaluationArgumentException>(() =>
            Task.Run(() => ScenarioFactory.Create(EvaluationArguments.Parse(["--replay", file, "--out", _directory]))));

        Assert.Contains("1 malformed", error.Message);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    private static JsonElement Read(string output) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, EvaluationFiles.Json))).RootElement;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
