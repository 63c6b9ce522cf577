using System.Text.Json;
using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Tests.Runs;

[Collection(StandardRunsCollection.Name)]
public sealed class ObserveArmTests(StandardRuns runs)
{
    [Fact]
    public void The_observing_arm_measures_exactly_what_the_simulation_does_without_a_grid()
    {
        var scenario = runs.BalancedScenario;
        var alone = new CitySimulation(scenario.City, scenario.Demand(), scenario.Start, scenario.Simulation, new DiscardingSink());
        alone.AdvanceTo(scenario.End);

        var observed = StandardRuns.Arm(runs.Balanced, ArmKind.Observe).Simulation;

        Assert.Equal(JsonSerializer.Serialize(alone.Results()), JsonSerializer.Serialize(observed));
    }

    private sealed class DiscardingSink : ISimulationSink
    {
        public void Publish(DriverEvent record)
        {
        }

        public void Publish(VehicleEvent record)
        {
        }

        public void Publish(BookingCreated record)
        {
        }

        public void Publish(DispatchJob record)
        {
        }

        public void Publish(UploadTrip record)
        {
        }

        public void Publish(DriverRealPerformance record)
        {
        }

        public void Publish(MessageReply record)
        {
        }
    }
}
