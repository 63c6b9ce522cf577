using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Evaluation.Tests.Grid;

public sealed class GridFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_step_is_delivered_in_order_keyed_by_topic_and_then_forgotten()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent, Topics.BookingCreated);
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(Ping("d2"));
        feed.Publish(Booking("b1"));
        feed.Publish(Ping("d1"));

        await feed.DeliverStepAsync();
        Assert.Equal([(Topics.DriverEvent, "d2"), (Topics.BookingCreated, "b1"), (Topics.DriverEvent, "d1")], dispatcher.Delivered);
        await feed.DeliverStepAsync();
        Assert.Equal(3, feed.Delivered);
        Assert.Equal(3, dispatcher.Delivered.Count);
    }

    [Fact]
    public async Task Records_nobody_subscribes_to_and_records_that_break_their_contract_are_counted_not_delivered()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent);
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(new VehicleEvent { EventId = "e1", Ts = Now, VehicleId = "v1", Status = VehicleStatus.InService, DriverId = "d1" });
        feed.Publish(Ping("d1") with { Lat = 91 });
        feed.Publish(Ping("d1"));

        await feed.DeliverStepAsync();
        Assert.Equal(1, feed.Delivered);
        Assert.Equal(1, feed.Unconsumed);
        Assert.Equal(1, feed.DeadLetters);
    }

    [Fact]
    public async Task Failed_grain_turns_are_counted_with_the_first_reason()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent) { Fail = new InvalidOperationException("boom") };
        var feed = new GridFeed(dispatcher, new FixedClock(Now));

        feed.Publish(Ping("d1"));
        feed.Publish(Ping("d2"));
        await feed.DeliverStepAsync();

        Assert.Equal(2, feed.Failures);
        Assert.Equal("InvalidOperationException: boom", feed.FirstFailure);
    }

    [Fact]
    public async Task A_step_is_done_only_when_the_grains_have_handled_every_record_of_it()
    {
        var dispatcher = new RecordingDispatcher(Topics.DriverEvent) { Defer = true };
        var feed = new GridFeed(dispatcher, new FixedClock(Now));
        feed.Publish(Ping("d1"));
        feed.Publish(Ping("d2"));

        var step = feed.DeliverStepAsync();
        dispatcher.Complete(0);
        Assert.False(step.IsCompleted);
        dispatcher.Complete(1);

        await step.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_step_without_records_is_done_at_once()
    {
        var feed = new GridFeed(new RecordingDispatcher(Topics.DriverEvent), new FixedClock(Now));

        await feed.DeliverStepAsync().WaitAsync(TimeSpan.FromSeconds(10));
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

        private readonly List<(IRecordDeliveryObserver Observer, object? State)> _deferred = [];

        public Exception? Fail { get; init; }

        /// <summary>Report records handled only when <see cref="Complete"/> says so, as grains that take their time.</summary>
        public bool Defer { get; init; }

        public long PendingMessages => 0;

        public bool IsSubscribed(string streamNamespace) => subscribed.Contains(streamNamespace);

        public void Deliver<T>(string streamNamespace, string key, T item, RecordPosition? token, IRecordDeliveryObserver observer, object? state)
        {
            Delivered.Add((streamNamespace, key));
            if (Defer)
                _deferred.Add((observer, state));
            else
                observer.OnDelivered(state, Fail);
        }

        public void Complete(int index) => _deferred[index].Observer.OnDelivered(_deferred[index].State, null);
    }
}
