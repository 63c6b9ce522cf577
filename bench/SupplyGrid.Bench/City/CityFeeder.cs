using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.City;

/// <summary>
/// The load generator: delivers every driver's ping once per simulated 4 s round, bookings at a simulated rate, and
/// the drivers' replies to offers, through <paramref name="feed"/> (grain calls or Kafka), moving the simulated clock as
/// it goes. The feed keeps a window of records not yet handled, so the grid runs saturated but queues stay bounded.
/// Runs on a thread of its own: it blocks while the window is full.
/// </summary>
internal sealed class CityFeeder(CitySimulation city, SimulatedClock clock, TopicContracts contracts, ICityFeed feed, BenchOutbox outbox,
    double bookingsPerSimSecond)
{
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ReplyDelay = TimeSpan.FromSeconds(20);
    private const int ChunksPerRound = 40;

    private readonly Queue<PendingReply> _replies = new();
    private double _bookingDebt;
    private long _round;
    private int _chunk;
    private DateTimeOffset _start = clock.GetUtcNow();

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
                    feed.Deliver(contracts.DriverEvent, city.Ping(i, Round.TotalSeconds, at));
                for (_bookingDebt += bookingsPerSimSecond * chunkLength.TotalSeconds; _bookingDebt >= 1; _bookingDebt--)
                    feed.Deliver(contracts.BookingCreated, city.Booking(at));
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
            feed.Deliver(contracts.BookingCreated, city.Booking(_start - span + span * ((k + 0.5) / count)));
    }

    private void DeliverReplies(DateTimeOffset now)
    {
        while (outbox.Replies.TryDequeue(out var reply))
            _replies.Enqueue(reply);
        while (_replies.TryPeek(out var next) && next.OfferedAt + ReplyDelay <= now)
        {
            _replies.Dequeue();
            feed.Deliver(contracts.MessageReply, new MessageReply
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
}
