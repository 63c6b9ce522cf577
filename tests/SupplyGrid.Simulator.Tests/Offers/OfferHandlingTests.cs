using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests.Offers;

public class OfferHandlingTests
{
    // 3 km east of the lone driver.
    private static readonly LatLng Target = GeoMath.Offset(Runs.SquareCentre, 3, 0);

    private static void Willing(SimulationOptions o)
    {
        o.Offers.ReferenceAcceptance = 0.999999;
        o.Offers.DriverSpread = 0;
    }

    private static void Unwilling(SimulationOptions o)
    {
        o.Offers.ReferenceAcceptance = 0.000001;
        o.Offers.DriverSpread = 0;
    }

    [Fact]
    public void An_accepted_offer_sends_the_driver_to_the_target()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, configure: Willing);
        simulation.Step(TimeSpan.FromMinutes(1));

        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(1));

        var reply = Assert.Single(sink.Of<MessageReply>());
        Assert.Equal(("m1", ReplyDecision.Accept, "drv-00001"), (reply.MessageId, reply.Decision, reply.DriverId));
        var after = sink.Pings.Where(p => p.Ts > reply.Ts).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, p => Assert.Equal(90, p.HeadingDeg!.Value, 1));
        Assert.All(after, p => Assert.Equal(DriverStatus.Available, p.Status));
        Assert.True(Distance(after[^1]) < Distance(after[0]), "closing in on the target");

        // 3 km x 1.3 at 24 km/h is 9.75 minutes.
        simulation.Step(TimeSpan.FromMinutes(10));
        var result = simulation.Results();
        Assert.Equal((1, 1, 1), (result.OffersReceived, result.OffersAccepted, result.OffersArrived));
        Assert.True(Distance(sink.Pings[^1]) < 0.001, "parked at the target");
        Assert.Equal(0, sink.Pings[^1].SpeedKmh);
    }

    [Fact]
    public void A_declined_offer_gets_a_reason_and_the_driver_stays()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, configure: Unwilling);

        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(2));

        var reply = Assert.Single(sink.Of<MessageReply>());
        Assert.Equal((ReplyDecision.Decline, "too_far"), (reply.Decision, reply.Reason));
        Assert.InRange(reply.Ts, Runs.Noon.AddSeconds(5), Runs.Noon.AddSeconds(40));
        Assert.All(sink.Pings, p => Assert.Equal(0, p.SpeedKmh));
        Assert.Equal((1, 0, 1), (simulation.Results().OffersReceived, simulation.Results().OffersAccepted, simulation.Results().OffersDeclined));
    }

    [Fact]
    public void A_redelivered_offer_is_answered_once()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, configure: Willing);
        var offer = Runs.Offer("m1", Target, 12m, simulation.Now);

        simulation.OnMdtMessage(offer);
        simulation.OnMdtMessage(offer);
        simulation.Step(TimeSpan.FromMinutes(1));
        simulation.OnMdtMessage(offer);
        simulation.Step(TimeSpan.FromMinutes(1));

        Assert.Single(sink.Of<MessageReply>());
        Assert.Equal(1, simulation.Results().OffersReceived);
    }

    [Fact]
    public void A_second_offer_while_one_is_pending_is_declined_at_once()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, configure: Willing);

        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));
        simulation.OnMdtMessage(Runs.Offer("m2", Target, 12m, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(1));

        var replies = sink.Of<MessageReply>().ToList();
        Assert.Equal(("m2", ReplyDecision.Decline, "has_offer"), (replies[0].MessageId, replies[0].Decision, replies[0].Reason));
        Assert.Equal(("m1", ReplyDecision.Accept), (replies[1].MessageId, replies[1].Decision));
    }

    [Fact]
    public void An_offer_that_expires_on_the_way_is_abandoned_where_the_driver_is()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink, configure: Willing);
        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(3));

        simulation.OnMdtMessage(Runs.Notice(MdtMessageType.OfferExpired, "m1-expired", "offer-m1", null, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(15));

        var result = simulation.Results();
        Assert.Equal((1, 0, 1), (result.OffersAccepted, result.OffersArrived, result.OffersAbandoned));
        Assert.True(Distance(sink.Pings[^1]) > 1, "stopped short of the target");
    }

    [Fact]
    public void A_repositioning_driver_takes_bookings_near_the_target_but_not_elsewhere()
    {
        var nearTarget = GeoMath.Offset(Target, 0, 1); // 1 km from the target, within the 1.5 km rule
        var behind = GeoMath.Offset(Runs.SquareCentre, -1, 0); // 1 km from the driver, 4 km from the target
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink,
            [
                new DemandArrival(Runs.Noon.AddMinutes(2), behind, Runs.SquareCentre, "test"),
                new DemandArrival(Runs.Noon.AddMinutes(3), nearTarget, Runs.SquareCentre, "test"),
            ],
            Willing);
        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));

        simulation.Step(TimeSpan.FromMinutes(4));

        var job = Assert.Single(sink.Of<DispatchJob>());
        Assert.Equal(nearTarget, new LatLng(job.PickupLat, job.PickupLng));
        Assert.Equal(1, simulation.Results().OffersDiverted);
    }

    [Fact]
    public void A_busy_driver_declines_and_an_offline_one_does_not_answer()
    {
        var sink = new RecordingSink();
        var pickup = GeoMath.Offset(Runs.SquareCentre, 2, 0);
        var simulation = Runs.LoneDriver(sink, [new DemandArrival(Runs.Noon, pickup, Runs.SquareCentre, "test")], Willing);
        simulation.Step(TimeSpan.FromSeconds(1));

        simulation.OnMdtMessage(Runs.Offer("m1", Target, 12m, simulation.Now));
        simulation.Step(TimeSpan.FromMinutes(1));

        var reply = Assert.Single(sink.Of<MessageReply>());
        Assert.Equal((ReplyDecision.Decline, "busy"), (reply.Decision, reply.Reason));

        var shifts = new RecordingSink();
        var offline = Runs.Singapore(shifts, drivers: 1, bookingsPerHour: 0, configure: o => o.Fleet.ShiftHoursMin = o.Fleet.ShiftHoursMax = 0.5);
        while (!shifts.Of<VehicleEvent>().Any(e => e.Status == VehicleStatus.OutOfService))
            offline.Step(TimeSpan.FromMinutes(10));
        var home = offline.SnapshotDrivers().Single();
        Assert.Equal(DriverPhase.Offline, home.Phase);
        offline.OnMdtMessage(Runs.Offer("m2", home.Position, 12m, offline.Now));
        offline.Step(TimeSpan.FromMinutes(1));
        Assert.Empty(shifts.Of<MessageReply>());
        Assert.Equal(1, offline.Results().OffersUnanswered);
    }

    [Fact]
    public void Payments_are_counted_once_per_message_and_strangers_are_noted()
    {
        var simulation = Runs.LoneDriver(new RecordingSink());
        var paid = Runs.Notice(MdtMessageType.IncentivePaid, "pay-1", "offer-1", 12.50m, simulation.Now);

        simulation.OnMdtMessage(paid);
        simulation.OnMdtMessage(paid);
        simulation.OnMdtMessage(Runs.Notice(MdtMessageType.IncentivePaid, "pay-2", "offer-2", 6.25m, simulation.Now));
        simulation.OnMdtMessage(Runs.Notice(MdtMessageType.IncentivePaid, "pay-3", "offer-3", 5m, simulation.Now, driverId: "drv-99999"));
        simulation.Step(TimeSpan.FromSeconds(1));

        var result = simulation.Results();
        Assert.Equal(18.75m, result.IncentivePaid);
        Assert.Equal(2, result.IncentivePayments);
        Assert.Equal(1, result.UnknownDriverMessages);
    }

    [Fact]
    public void A_fleet_directive_moves_a_free_driver_without_an_offer()
    {
        var sink = new RecordingSink();
        var simulation = Runs.LoneDriver(sink);
        Assert.False(simulation.DirectDriver("drv-00001", Target), "drivers come online in the first step");
        simulation.Step(TimeSpan.FromSeconds(1));

        Assert.True(simulation.DirectDriver("drv-00001", Target));
        Assert.False(simulation.DirectDriver("drv-00001", Target), "already on the way: not free");
        simulation.Step(TimeSpan.FromMinutes(11));

        var result = simulation.Results();
        Assert.Equal((1, 1, 0), (result.Directives, result.DirectivesArrived, result.OffersReceived));
        Assert.True(Distance(sink.Pings[^1]) < 0.001);
        Assert.Equal("driverId", Assert.Throws<ArgumentException>(() => simulation.DirectDriver("nobody", Target)).ParamName);
    }

    private static double Distance(DriverEvent ping) => GeoMath.DistanceKm(new LatLng(ping.Lat, ping.Lng), Target);
}
