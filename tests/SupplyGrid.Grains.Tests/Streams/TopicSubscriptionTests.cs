using System.Reflection;
using Orleans;
using SupplyGrid.Grains.Cells;
using SupplyGrid.Grains.Drivers;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;

namespace SupplyGrid.Grains.Tests.Streams;

/// <summary>Every consumed topic has exactly one grain type subscribed to its stream namespace: none is read and lost.</summary>
public sealed class TopicSubscriptionTests
{
    private static readonly string[] AllTopics =
    [
        Topics.DriverEvent, Topics.VehicleEvent, Topics.BookingCreated, Topics.DispatchJob, Topics.UploadTrip,
        Topics.DriverRealPerformance, Topics.MessageReply, Topics.MessageSend, Topics.DeadLetter,
    ];

    [Fact]
    public void The_driver_grain_subscribes_to_every_driver_keyed_topic_and_the_cell_grain_to_bookings()
    {
        Assert.Equal(TopicRouter.ConsumedTopics.Where(t => t != Topics.BookingCreated).Order(), Subscribed(typeof(DriverGrain)).Order());
        Assert.Equal([Topics.BookingCreated], Subscribed(typeof(CellGrain)));
    }

    private static IEnumerable<string> Subscribed(Type grain)
    {
        var predicates = grain.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Predicate).ToArray();
        return AllTopics.Where(topic => predicates.Any(p => p.IsMatch(topic)));
    }
}
