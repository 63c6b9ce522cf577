using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class SimulationOptionsTests
{
    public static TheoryData<Action<SimulationOptions>, string> BadOptions => new()
    {
        { o => o.Fleet.Drivers = -1, "Drivers" },
        { o => o.Fleet.ShiftHoursMax = 2, "ShiftHoursMax" },
        { o => o.Fleet.JobAcceptanceMin = 0, "JobAcceptanceMin" },
        { o => o.Movement.DetourFactor = 0.5, "DetourFactor" },
        { o => o.Movement.PingSecondsMax = 1, "PingSecondsMax" },
        { o => o.Dispatch.MaxPickupKm = 0, "MaxPickupKm" },
        { o => o.Dispatch.WaitLimitMinutes = double.NaN, "WaitLimitMinutes" },
        { o => o.Offers.DistanceSlope = -0.1, "DistanceSlope" },
        { o => o.RunId = "run id with spaces", "RunId" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_refused_naming_it(Action<SimulationOptions> spoil, string field)
    {
        var options = new SimulationOptions();
        spoil(options);

        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new CitySimulation(TestCities.Square(), new ScriptedDemand(Runs.SquareCentre), Runs.Noon, options, new RecordingSink()));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void An_absurd_start_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CitySimulation(TestCities.Square(), new ScriptedDemand(Runs.SquareCentre), default, new SimulationOptions(), new RecordingSink()));

        Assert.Equal("start", error.ParamName);
    }

    [Fact]
    public void Options_changed_after_construction_do_not_reach_the_engine()
    {
        var options = new SimulationOptions { Fleet = new FleetOptions { Drivers = 1, AlwaysOnline = true } };
        var sink = new RecordingSink();
        var simulation = new CitySimulation(TestCities.Square(), new ScriptedDemand(Runs.SquareCentre), Runs.Noon, options, sink);

        options.Movement.PingSecondsMin = options.Movement.PingSecondsMax = 60;
        simulation.Step(TimeSpan.FromMinutes(1));

        Assert.InRange(sink.Pings.Count, 13, 21); // every 3 to 5 s, not every minute
    }
}
