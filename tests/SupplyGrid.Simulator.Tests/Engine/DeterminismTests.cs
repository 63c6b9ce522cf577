using System.Text.Json;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_event_stream_and_metrics()
    {
        var (eventsA, resultA) = Run(seed: 5);
        var (eventsB, resultB) = Run(seed: 5);

        Assert.True(eventsA.Count > 10_000);
        Assert.Equal(eventsA, eventsB);
        Assert.Equal(resultA, resultB);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var (eventsA, _) = Run(seed: 5);
        var (eventsB, _) = Run(seed: 6);

        Assert.NotEqual(eventsA, eventsB);
    }

    [Fact]
    public void Stepping_in_small_or_large_steps_gives_the_same_run()
    {
        var fine = new RecordingSink();
        var coarse = new RecordingSink();
        var a = Runs.Singapore(fine, seed: 3);
        var b = Runs.Singapore(coarse, seed: 3);

        for (int i = 0; i < 3_600; i++)
            a.Step(TimeSpan.FromSeconds(1));
        b.AdvanceTo(b.Now.AddHours(1));

        Assert.Equal(fine.AsJsonLines(), coarse.AsJsonLines());
    }

    private static (List<string> Events, string Result) Run(ulong seed)
    {
        var sink = new RecordingSink();
        var simulation = Runs.Singapore(sink, seed);
        simulation.Step(TimeSpan.FromHours(1.5));
        return (sink.AsJsonLines().ToList(), JsonSerializer.Serialize(simulation.Results()));
    }
}
