using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class TopicPublishingSinkTests
{
    [Fact]
    public void Each_event_goes_to_its_topic_under_the_key_the_topic_is_partitioned_by()
    {
        var publisher = new ListPublisher();
        var simulation = new CitySimulation(
            Cities.Singapore,
            new PoissonDemand(Cities.Singapore, new DemandOptions { BookingsPerHour = 600 }),
            Runs.SingaporeMidnight.AddHours(8),
            new SimulationOptions { Fleet = new FleetOptions { Drivers = 30 } },
            new TopicPublishingSink(publisher));
        simulation.OnMdtMessage(Runs.Offer("m1", Cities.Singapore.Zones[0].Centre, 10m, simulation.Now, driverId: "drv-00001"));
        simulation.Step(TimeSpan.FromMinutes(30));

        foreach (var (topic, key, record) in publisher.Sent)
        {
            var expected = record switch
            {
                DriverEvent e => (Topics.DriverEvent, e.DriverId),
                VehicleEvent e => (Topics.VehicleEvent, e.VehicleId),
                BookingCreated e => (Topics.BookingCreated, e.BookingId),
                DispatchJob e => (Topics.DispatchJob, e.DriverId),
                UploadTrip e => (Topics.UploadTrip, e.DriverId),
                DriverRealPerformance e => (Topics.DriverRealPerformance, e.DriverId),
                MessageReply e => (Topics.MessageReply, e.DriverId),
                _ => throw new InvalidOperationException(record.GetType().Name),
            };
            Assert.Equal(expected, (topic, key));
        }
        string[] topics = [Topics.DriverEvent, Topics.VehicleEvent, Topics.BookingCreated, Topics.DispatchJob, Topics.UploadTrip, Topics.DriverRealPerformance];
        Assert.Subset(publisher.Sent.Select(s => s.Topic).ToHashSet(), topics.ToHashSet());
    }

    private sealed class ListPublisher : ITopicPublisher
    {
        public List<(string Topic, string Key, ITopicRecord Record)> Sent { get; } = [];

        public void Publish(string topic, string key, ITopicRecord record) => Sent.Add((topic, key, record));
    }
}
