using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Evaluation.Tests.Grid;

public sealed class GridFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_step_is_delivered_in_order_keyed_by_topic_and_then_forgotten()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent, Topics.BookingCreated);
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(Ping("d2"));
        feed.Publish(Booking("b1"));
        feed.Publish(Ping("d1"));

        Assert.Equal(3, feed.DeliverStep());
        Assert.Equal([(Topics.DriverEvent, "d2"), (Topics.BookingCreated, "b1"), (Topics.DriverEvent, "d1")], dispatcher.Delivered);
        Assert.Equal(0, feed.DeliverStep());
        Assert.Equal(3, feed.Delivered);
    }

    [Fact]
    public void Records_nobody_subscribes_to_and_records_that_break_their_contract_are_counted_not_delivered()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent);
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(new VehicleEvent { EventId = "e1", Ts = Now, VehicleId = "v1", Status = VehicleStatus.InService, DriverId = "d1" });
        feed.Publish(Ping("d1") with { Lat = 91 });
        feed.Publish(Ping("d1"));

        Assert.Equal(1, feed.DeliverStep());
        Assert.Equal(1, feed.Unconsumed);
        Assert.Equal(1, feed.DeadLetters);
    }

    [Fact]
    public void Failed_grain_turns_are_counted_with_the_first_reason()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent) { Fail = new InvalidOperationException("boom") };
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(Ping("d1"));
        feed.Publish(Ping("d2"));
        feed.DeliverStep();

        Assert.Equal(2, feed.Failures);
        Assert.Equal("InvalidOperationException: boom", feed.FirstFailure);
    }

    private static DriverEvent Ping(string driver) => new()
    {
        EventId = "p-" + driver,
        Ts = Now,
        DriverId = driver,
        VehicleId = "v-" + driver,
        Lat = 1.3,
        Lng = 103.8,
        SpeedKmh = 0,
        Status = DriverStatus.Available,
    };

    private static BookingCreated Booking(string id) => new()
    {
        EventId = "e-" + id,
        Ts = Now,
        BookingId = id,
        BookingType = BookingType.Immediate,
        PickupLat = 1.3,
        PickupLng = 103.8,
        EstimatedFare = 10m,
        Currency = "SGD",
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingDispatcher(params string[] subscribed) : IRecordDispatcher
    {
        public List<(string Topic, string Key)> Delivered { get; } = [];

        public Exception? Fail { get; init; }

        public long PendingMessages => 0;

        public bool IsSubscribed(string streamNamespace) => subscribed.Contains(streamNamespace);

        public void Deliver<T>(string streamNamespace, string key, T item, RecordPosition? token, IRecordDeliveryObserver observer, object? state)
        {
            Delivered.Add((streamNamespace, key));
            observer.OnDelivered(state, Fail);
        }
    }
}
