using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Engine;

public class BookingLifecycleTests
{
    [Fact]
    public void Every_booking_is_served_at_most_once_and_the_tallies_add_up()
    {
        var sink = new RecordingSink();
        // Too few drivers for the demand, so some bookings expire and some drivers cancel on the way.
        var simulation = Runs.Singapore(sink, drivers: 80, bookingsPerHour: 1_000);
        simulation.Step(TimeSpan.FromHours(2));
        var result = simulation.Results();

        var created = sink.Of<BookingCreated>().Select(b => b.BookingId).ToList();
        var jobs = sink.Of<DispatchJob>().ToList();
        var trips = sink.Of<UploadTrip>().ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(result.Bookings, created.Count);
        foreach (var booking in jobs.GroupBy(j => j.BookingId))
        {
            int assigned = booking.Count(j => j.Status == DispatchJobStatus.Assigned);
            int cancelled = booking.Count(j => j.Status == DispatchJobStatus.Cancelled);
            Assert.InRange(assigned - cancelled, 0, 1);
        }
        Assert.Equal(trips.Count, trips.Select(t => t.BookingId).Distinct().Count());
        Assert.All(trips, t => Assert.Contains(t.BookingId, created));

        Assert.True(result.Expired > 0, "the fleet is short, so some bookings expire");
        Assert.True(result.Served > 0);
        Assert.True(result.Served <= result.Bookings);
        Assert.Equal(result.Bookings, result.Served + result.Expired + result.InProgress);
        Assert.InRange(result.TripsCompleted, 1, result.Served);
        Assert.Equal(trips.Count, result.TripsCompleted);
        Assert.Equal(trips.Sum(t => t.Fare), result.Fares);
        Assert.Equal(result.Bookings, result.Hours.Sum(h => h.Bookings));
        Assert.Equal(result.Served, result.Hours.Sum(h => h.Served));
        Assert.Equal(jobs.Count(j => j.Status == DispatchJobStatus.Cancelled), result.JobsCancelled);
        Assert.InRange(result.UtilizationPct, 1, 100);
    }

    [Fact]
    public void A_lone_trip_matches_the_figures_worked_out_by_hand()
    {
        // The driver waits at the centre; a booking 2 km north goes 3 km east of its pickup.
        var pickup = GeoMath.Offset(Runs.SquareCentre, 0, 2);
        var dropoff = GeoMath.Offset(pickup, 3, 0);
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, [new DemandArrival(Runs.Noon.AddSeconds(10), pickup, dropoff, "test")]);

        simulation.Step(TimeSpan.FromHours(1));
        var result = simulation.Results();

        // Road = 1.3 x straight; 24 km/h at noon. Pickup: 2.6 km = 6.5 min. Trip: 3.9 km = 9.75 min.
        var trip = Assert.Single(sink.Of<UploadTrip>());
        Assert.Equal(3.9, trip.DistanceKm, 6);
        Assert.Equal(9.75, trip.Duration.TotalMinutes, 3);
        // Fare 3 + 1 x 3.9 + 0.5 x 9.75 = 11.775 -> 11.78; the driver keeps 80%: 9.424 -> 9.42.
        Assert.Equal(11.78m, trip.Fare);
        Assert.Equal(9.42m, trip.DriverEarnings);
        Assert.Equal(Runs.Noon.AddSeconds(10).AddMinutes(6.5), trip.StartedAt, TimeSpan.FromSeconds(1));

        Assert.Equal((1, 1, 0), (result.Bookings, result.Served, result.Expired));
        Assert.Equal(2.0, result.PickupKm.Mean, 6);
        Assert.Equal(6.5, result.PickupMinutes.Mean, 3);
        Assert.Equal(6.5, result.WaitMinutes.Mean, 3);
        Assert.Equal(2.6, result.EmptyKm, 6);
        Assert.Equal(3.9, result.LoadedKm, 6);
        // One driver online for the hour, 9.75 minutes of it with the rider.
        Assert.Equal(1.0, result.OnlineHours, 6);
        Assert.Equal(100 * 9.75 / 60, result.UtilizationPct, 3);
        var booked = Assert.Single(sink.Of<BookingCreated>());
        Assert.Equal(11.78m, booked.EstimatedFare);
    }

    [Fact]
    public void A_booking_nobody_takes_expires_after_the_wait_limit()
    {
        var far = GeoMath.Offset(Runs.SquareCentre, 0, 4); // beyond the 3 km pickup radius
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, [new DemandArrival(Runs.Noon.AddMinutes(1), far, Runs.SquareCentre, "test")]);

        simulation.Step(TimeSpan.FromMinutes(5.9));
        Assert.Equal(0, simulation.Results().Expired);
        simulation.Step(TimeSpan.FromMinutes(0.2));

        var result = simulation.Results();
        Assert.Equal((1, 0, 1), (result.Bookings, result.Served, result.Expired));
        Assert.Empty(sink.Of<DispatchJob>());
        // The only driver was free 4 km away, beyond reach, and this was the only booking waiting within 10 km.
        Assert.Equal((0, 1, 0), (result.ExpiredInReach, result.ExpiredMisplaced, result.ExpiredShort));
        Assert.Equal(0, result.Hours.Sum(h => h.ExpiredShort));
    }

    [Fact]
    public void Two_bookings_waiting_for_one_misplaced_driver_count_one_short_and_one_misplaced()
    {
        // The lone driver idles 4 km from both pickups: out of reach, and one driver for two waiting bookings.
        var far = GeoMath.Offset(Runs.SquareCentre, 0, 4);
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink,
        [
            new DemandArrival(Runs.Noon.AddMinutes(1), far, Runs.SquareCentre, "test"),
            new DemandArrival(Runs.Noon.AddMinutes(1), GeoMath.Offset(far, 0.2, 0), Runs.SquareCentre, "test"),
        ]);

        simulation.Step(TimeSpan.FromMinutes(7));

        var result = simulation.Results();
        Assert.Equal(2, result.Expired);
        // The first to expire saw the other still waiting; the second saw the driver free for it alone.
        Assert.Equal((0, 1, 1), (result.ExpiredInReach, result.ExpiredMisplaced, result.ExpiredShort));
    }

    [Fact]
    public void A_booking_that_expires_while_every_driver_is_busy_counts_as_supply_short()
    {
        // The lone driver takes the first booking (1 km east, a 4 km trip) and is still on it when the second,
        // 1 km west, expires.
        var first = GeoMath.Offset(Runs.SquareCentre, 1, 0);
        var second = GeoMath.Offset(Runs.SquareCentre, -1, 0);
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink,
        [
            new DemandArrival(Runs.Noon, first, GeoMath.Offset(first, 0, 4), "test"),
            new DemandArrival(Runs.Noon.AddSeconds(10), second, Runs.SquareCentre, "test"),
        ]);

        simulation.Step(TimeSpan.FromMinutes(6));

        var result = simulation.Results();
        Assert.Equal((2, 1, 1), (result.Bookings, result.Served, result.Expired));
        Assert.Equal((0, 0, 1), (result.ExpiredInReach, result.ExpiredMisplaced, result.ExpiredShort));
        var noon = Assert.Single(result.Hours);
        Assert.Equal((1, 1), (noon.Expired, noon.ExpiredShort));
    }

    [Fact]
    public void The_dispatcher_is_pluggable()
    {
        var pickup = GeoMath.Offset(Runs.SquareCentre, 1, 0);
        var refuser = new RefusingDispatcher();
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, [new DemandArrival(Runs.Noon, pickup, Runs.SquareCentre, "test")], dispatcher: refuser);

        simulation.Step(TimeSpan.FromMinutes(10));

        var request = refuser.Requests.First();
        Assert.Equal(pickup, request.Request.Pickup);
        var candidate = Assert.Single(request.Candidates);
        Assert.Equal("drv-00001", candidate.DriverId);
        Assert.Equal(1.0, candidate.DistanceKm, 6);
        Assert.False(candidate.Repositioning);
        // First try at creation, then a round every 10 s; at 300 s the booking expires before the round runs: 1 + 29.
        Assert.Equal(30, refuser.Requests.Count);
        var result = simulation.Results();
        Assert.Equal(1, result.Expired);
        // The driver was free 1 km away all along: the booking expired with supply in reach.
        Assert.Equal((1, 0, 0), (result.ExpiredInReach, result.ExpiredMisplaced, result.ExpiredShort));
    }

    [Fact]
    public void Time_cannot_go_backwards()
    {
        var simulation = Runs.LoneDriver(new RecordingSink());
        simulation.Step(TimeSpan.FromMinutes(1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => simulation.AdvanceTo(Runs.Noon));
        Assert.Equal("time", error.ParamName);
    }

    [Fact]
    public void Every_published_record_satisfies_its_topic_contract()
    {
        var sink = new RecordingSink();
        var simulation = Runs.Singapore(sink, drivers: 80, bookingsPerHour: 800, configure: o => o.Fleet.ShiftHoursMin = o.Fleet.ShiftHoursMax = 1);
        simulation.Step(TimeSpan.FromHours(2));
        var rules = new EventValidationOptions();

        foreach (var record in sink.All)
        {
            var now = record switch
            {
                DriverEvent e => e.Ts,
                VehicleEvent e => e.Ts,
                BookingCreated e => e.Ts,
                DispatchJob e => e.Ts,
                UploadTrip e => e.Ts,
                DriverRealPerformance e => e.Ts,
                MessageReply e => e.Ts,
                _ => throw new InvalidOperationException(record.GetType().Name),
            };
            Assert.Null(record.Validate(now, rules));
        }
        Assert.Contains(sink.All, r => r is VehicleEvent { Status: VehicleStatus.OutOfService });
        Assert.Contains(sink.All, r => r is DriverEvent { Status: DriverStatus.Break } or DriverEvent { Status: DriverStatus.Busy });
    }

    private sealed class RefusingDispatcher : IDispatcher
    {
        public List<(DispatchRequest Request, DispatchCandidate[] Candidates)> Requests { get; } = [];

        public int Choose(in DispatchRequest request, ReadOnlySpan<DispatchCandidate> candidates)
        {
            Requests.Add((request, candidates.ToArray()));
            return -1;
        }
    }
}
