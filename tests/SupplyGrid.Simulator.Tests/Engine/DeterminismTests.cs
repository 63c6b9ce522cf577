using System.Text.Json;
using SupplyGrid.Grains.Events;
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

    [Fact]
    public void Moving_drivers_about_does_not_change_the_demand_or_the_fleet()
    {
        var plain = new RecordingSink();
        var steered = new RecordingSink();
        var a = Runs.Singapore(plain, seed: 8);
        var b = Runs.Singapore(steered, seed: 8);
        var cbd = Cities.Singapore.Zones[0].Centre;

        for (int minute = 0; minute < 90; minute++)
        {
            a.Step(TimeSpan.FromMinutes(1));
            b.Step(TimeSpan.FromMinutes(1));
            foreach (var driver in b.SnapshotDrivers().Where(d => d.Phase == DriverPhase.Idle))
                b.DirectDriver(driver.DriverId, cbd);
        }

        Assert.True(b.Results().DirectivesArrived > 0);
        Assert.NotEqual(plain.Pings.Select(p => (p.Lat, p.Lng)), steered.Pings.Select(p => (p.Lat, p.Lng)));
        // Event ids count every event, so they differ; everything else about bookings and shift starts must not.
        Assert.Equal(Bookings(plain), Bookings(steered));
        Assert.Equal(ShiftStarts(plain), ShiftStarts(steered));
    }

    private static List<string> Bookings(RecordingSink sink) =>
        sink.Of<BookingCreated>().Select(e => JsonSerializer.Serialize(e with { EventId = "" })).ToList();

    private static List<string> ShiftStarts(RecordingSink sink) =>
        sink.Of<VehicleEvent>().Where(e => e.Status == VehicleStatus.InService).Select(e => JsonSerializer.Serialize(e with { EventId = "" })).ToList();

    private static (List<string> Events, string Result) Run(ulong seed)
    {
        var sink = new RecordingSink();
        var simulation = Runs.Singapore(sink, seed);
        simulation.Step(TimeSpan.FromHours(1.5));
        return (sink.AsJsonLines().ToList(), JsonSerializer.Serialize(simulation.Results()));
    }
}
