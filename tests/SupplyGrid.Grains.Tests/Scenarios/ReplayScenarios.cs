using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class ReplayScenarios(DefaultGrid grid)
{
    [Fact]
    public async Task Replayed_and_out_of_order_pings_change_nothing()
    {
        await using var s = await grid.StartScenarioAsync();
        var a = Places.Cell(Places.Anchor);
        var b = Places.Ring(a, 1)[0];
        var t0 = s.Now;
        var first = DomainScenario.Ping("d1", Places.Centre(a), DriverStatus.Available, t0);
        var second = DomainScenario.Ping("d1", Places.Centre(a), DriverStatus.Available, t0.AddSeconds(4));
        var moved = DomainScenario.Ping("d1", Places.Centre(b), DriverStatus.Available, t0.AddMinutes(2));
        var stale = DomainScenario.Ping("d1", Places.Centre(a), DriverStatus.Available, t0.AddMinutes(1));
        foreach (var ping in new[] { first, second, moved })
            await s.DeliverAsync(Topics.DriverEvent, "d1", ping);
        await s.QuiesceAsync();
        var before = await s.Driver("d1").GetView();

        foreach (var ping in new[] { first, second, stale, moved })
            await s.DeliverAsync(Topics.DriverEvent, "d1", ping);
        await s.QuiesceAsync();

        var after = await s.Driver("d1").GetView();
        Assert.Equal(b.ToString(), after.Cell);
        Assert.Equal(before with { Today = after.Today }, after);
        Assert.Equal(0, (await s.Cell(a).GetFigures()).Drivers);
        Assert.Equal(1, (await s.Cell(b).GetFigures()).Drivers);
    }

    [Fact]
    public async Task Replayed_bookings_trips_jobs_and_performance_records_count_once()
    {
        await using var s = await grid.StartScenarioAsync();
        var a = Places.Cell(Places.Anchor);
        await s.PingAsync("d1", Places.Centre(a));
        for (var i = 0; i < 3; i++)
            await s.BookAsync("booking-1", Places.Centre(a));

        var trip = new UploadTrip
        {
            EventId = "trip-event",
            Ts = s.Now,
            TripId = "trip-1",
            DriverId = "d1",
            VehicleId = "v-d1",
            PickupLat = Places.Anchor.Lat,
            PickupLng = Places.Anchor.Lng,
            DropoffLat = Places.Anchor.Lat + 0.01,
            DropoffLng = Places.Anchor.Lng,
            StartedAt = s.Now.AddMinutes(-15),
            EndedAt = s.Now.AddMinutes(-1),
            DistanceKm = 3,
            Fare = 14m,
            DriverEarnings = 11.5m,
            Currency = "SGD",
        };
        await s.DeliverAsync(Topics.UploadTrip, "d1", trip);
        await s.DeliverAsync(Topics.UploadTrip, "d1", trip);

        var newer = Performance(s.Now, rating: 4.9);
        var older = Performance(s.Now.AddHours(-1), rating: 3.0);
        await s.DeliverAsync(Topics.DriverRealPerformance, "d1", newer);
        await s.DeliverAsync(Topics.DriverRealPerformance, "d1", older);
        await s.DeliverAsync(Topics.DriverRealPerformance, "d1", newer);

        var assigned = Job(s.Now.AddSeconds(1), DispatchJobStatus.Assigned);
        var cancelled = Job(s.Now.AddSeconds(2), DispatchJobStatus.Cancelled);
        foreach (var job in new[] { assigned, cancelled, assigned })
            await s.DeliverAsync(Topics.DispatchJob, "d1", job);
        await s.AdvanceAsync(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1));

        Assert.Equal(1, (await s.Cell(a).GetSnapshot()).Bookings);
        var view = await s.Driver("d1").GetView();
        Assert.Equal(1, view.Today.Trips);
        Assert.Equal(11.5m, view.Today.Earnings);
        Assert.Equal(4.9, view.Performance.Rating);
        Assert.True(view.Available, "the replayed assignment is older than its cancellation");
    }

    [Fact]
    public async Task An_impossible_jump_is_suspect_and_not_counted_until_the_driver_is_consistently_there()
    {
        await using var s = await grid.StartScenarioAsync();
        var home = Places.Cell(Places.Anchor);
        var farPoint = Places.East(Places.Anchor, 15);
        var far = Places.Cell(farPoint);
        var t0 = s.Now;
        await s.PingAsync("d1", Places.Centre(home), ts: t0);
        Assert.Equal(1, (await s.Cell(home).GetFigures()).Drivers);

        // 15 km in 4 seconds: a glitch. The driver is not supply anywhere and is not offered anything.
        await s.PingAsync("d1", farPoint, ts: t0.AddSeconds(4));
        await s.QuiesceAsync();
        var view = await s.Driver("d1").GetView();
        Assert.True(view.Suspect);
        Assert.False(view.Available);
        Assert.Equal(home.ToString(), view.Cell);
        Assert.Equal(0, (await s.Cell(home).GetFigures()).Drivers);
        Assert.Equal(0, (await s.Cell(far).GetFigures()).Drivers);
        var refused = await s.Driver("d1").Offer(RepositionScenarios.OfferTo(Places.Ring(home, 1)[0], "o1", s.Now));
        Assert.Equal(OfferRefusal.Suspect, refused.Refusal);

        // Back where it plausibly is: trusted and counted again.
        await s.PingAsync("d1", Places.Centre(home), ts: t0.AddSeconds(8));
        await s.QuiesceAsync();
        Assert.False((await s.Driver("d1").GetView()).Suspect);
        Assert.Equal(1, (await s.Cell(home).GetFigures()).Drivers);

        // A real relocation: consistent pings at the new place re-anchor the driver after a few.
        for (var i = 1; i <= 3; i++)
            await s.PingAsync("d1", farPoint, ts: t0.AddSeconds(8 + 4 * i));
        await s.QuiesceAsync();
        Assert.Equal(far.ToString(), (await s.Driver("d1").GetView()).Cell);
        Assert.Equal(1, (await s.Cell(far).GetFigures()).Drivers);
        Assert.Equal(0, (await s.Cell(home).GetFigures()).Drivers);
    }

    [Fact]
    public async Task A_driver_who_stops_pinging_leaves_supply_after_the_presence_timeout()
    {
        await using var s = await grid.StartScenarioAsync();
        var cell = Places.Cell(Places.Anchor);
        await s.PingAsync("d1", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await s.Cell(cell).GetSnapshot()).Drivers);

        // Gone by the first recompute after 5 minutes of silence (a tick or two later on this coarse clock).
        await s.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await s.Cell(cell).GetSnapshot()).Drivers);
    }

    private static DriverRealPerformance Performance(DateTimeOffset ts, double rating) => new()
    {
        EventId = "perf-" + ts.UtcTicks,
        Ts = ts,
        DriverId = "d1",
        AcceptanceRate = 0.9,
        CancellationRate = 0.02,
        Rating = rating,
        OnlineHours = 40,
        CompletedTrips = 300,
    };

    private static DispatchJob Job(DateTimeOffset ts, DispatchJobStatus status) => new()
    {
        EventId = $"job-{status}",
        Ts = ts,
        JobId = "job-1",
        BookingId = "booking-1",
        DriverId = "d1",
        VehicleId = "v-d1",
        Status = status,
        PickupLat = Places.Anchor.Lat,
        PickupLng = Places.Anchor.Lng,
    };
}
