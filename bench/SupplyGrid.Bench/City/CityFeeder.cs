using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.City;

/// <summary>
/// The load generator: delivers every driver's ping once per simulated 4 s round, bookings at a simulated rate, and
/// the drivers' replies to offers, through the record dispatcher the silo's Kafka consumer hands records to (one grain
/// call per record, at most one in flight per grain), moving the simulated clock as it goes. At most <c>window</c>
/// records are in flight, so the grid runs saturated but queues stay bounded (and so does the queueing delay an offer
/// sees). Runs on a thread of its own: it blocks while the window is full.
/// </summary>
internal sealed class CityFeeder(CitySimulation city, SimulatedClock clock, IRecordDispatcher dispatcher, BenchOutbox outbox,
    double bookingsPerSimSecond, int window) : IRecordDeliveryObserver
{
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ReplyDelay = TimeSpan.FromSeconds(20);
    private const int ChunksPerRound = 40;

    private readonly Queue<PendingReply> _replies = new();
    private long _sent;
    private long _completed;
    private long _failed;
    private double _bookingDebt;
    private long _round;
    private int _chunk;
    private DateTimeOffset _start = clock.GetUtcNow();
    private Exception? _lastError;

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    public Exception? LastError => _lastError;

    public DateTimeOffset SimulatedNow => clock.GetUtcNow();

    public void OnDelivered(object? state, Exception? error)
    {
        Interlocked.Increment(ref _completed);
        if (error is not null)
        {
            Interlocked.Increment(ref _failed);
            _lastError = error;
        }
    }

    /// <summary>Rounds fed so far (a round is every driver's ping once).</summary>
    public long Rounds => _round;

    /// <summary>
    /// Feeds chunks of rounds on the calling thread until <paramref name="stop"/> says so (checked between chunks); the
    /// next call goes on from the chunk where this one stopped.
    /// </summary>
    public void Run(Func<bool> stop)
    {
        var chunkLength = Round / ChunksPerRound;
        var perChunk = (city.Drivers + ChunksPerRound - 1) / ChunksPerRound;
        while (true)
        {
            var roundStart = _start + Round * _round;
            for (; _chunk < ChunksPerRound; _chunk++)
            {
                if (stop())
                    return;
                var c = _chunk;
                var at = roundStart + chunkLength * c;
                clock.AdvanceTo(at);
                DeliverReplies(at);
                var end = Math.Min(city.Drivers, (c + 1) * perChunk);
                for (var i = c * perChunk; i < end; i++)
                    Deliver(Topics.DriverEvent, city.Ids[i], city.Ping(i, Round.TotalSeconds, at));
                for (_bookingDebt += bookingsPerSimSecond * chunkLength.TotalSeconds; _bookingDebt >= 1; _bookingDebt--)
                {
                    var booking = city.Booking(at);
                    Deliver(Topics.BookingCreated, booking.BookingId, booking);
                }
            }

            _chunk = 0;
            _round++;
        }
    }

    /// <summary>
    /// Delivers the bookings of the <paramref name="span"/> before the start at the simulated rate, so the cells' demand
    /// windows begin full, as in a city that has been running.
    /// </summary>
    public void PrefillBookings(TimeSpan span)
    {
        var count = (int)(bookingsPerSimSecond * span.TotalSeconds);
        for (var k = 0; k < count; k++)
        {
            var booking = city.Booking(_start - span + span * ((k + 0.5) / count));
            Deliver(Topics.BookingCreated, booking.BookingId, booking);
        }
    }

    /// <summary>Waits until every record delivered has been handled (the one-way notifications it set off may still run).</summary>
    public async Task DrainAsync()
    {
        while (Completed < Interlocked.Read(ref _sent) || dispatcher.PendingMessages > 0)
            await Task.Delay(10);
    }

    private void DeliverReplies(DateTimeOffset now)
    {
        while (outbox.Replies.TryDequeue(out var reply))
            _replies.Enqueue(reply);
        while (_replies.TryPeek(out var next) && next.OfferedAt + ReplyDelay <= now)
        {
            _replies.Dequeue();
            Deliver(Topics.MessageReply, next.DriverId, new MessageReply
            {
                EventId = "r" + next.MessageId,
                Ts = now,
                MessageId = next.MessageId,
                DriverId = next.DriverId,
                Decision = next.Accept ? ReplyDecision.Accept : ReplyDecision.Decline,
            });
            if (next.Accept)
                city.Accept(CitySimulation.IndexOf(next.DriverId), next.TargetLat, next.TargetLng);
        }
    }

    private void Deliver<T>(string topic, string key, T record)
    {
        while (Interlocked.Read(ref _sent) - Completed >= window)
            Thread.Sleep(1);
        Interlocked.Increment(ref _sent);
        dispatcher.Deliver(topic, key, record, null, this, null);
    }
}
