using System.Globalization;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>The drivers' lives: shifts, breaks, idling and cruising, routes, pings and performance records.</summary>
public sealed partial class CitySimulation
{
    private const int CruiseAttempts = 8;

    private readonly double _gridSlackKm;

    private SimDriver[] CreateFleet(ulong seed)
    {
        var traits = SimRandom.Derive(seed, SimStream.Fleet);
        var shiftStarts = ShiftPlanner.FitStartWeights(_demand.HourlyShares, _fleet.ShiftHoursMin, _fleet.ShiftHoursMax, _fleet.ShiftDemandExponent);
        var drivers = new SimDriver[_fleet.Drivers];
        for (int i = 0; i < drivers.Length; i++)
        {
            string number = (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            var driver = new SimDriver(i, "drv-" + number, "veh-" + number,
                SimRandom.Derive(seed, SimStream.DriverBehaviour, i), new DriverRoute(_city.Router.MaxWaypoints));
            driver.Home = _demand.SampleDriverHome(traits);
            driver.ShiftLocalStart = TimeSpan.FromHours(traits.Pick(shiftStarts) + traits.NextDouble());
            driver.ShiftLength = TimeSpan.FromHours(traits.Uniform(_fleet.ShiftHoursMin, _fleet.ShiftHoursMax));
            driver.JobAcceptance = traits.Uniform(_fleet.JobAcceptanceMin, _fleet.JobAcceptanceMax);
            driver.CancellationRate = traits.Uniform(0, _fleet.CancellationMax);
            driver.Rating = Math.Clamp(_fleet.RatingMean + traits.Gaussian() * _fleet.RatingSpread, 3.5, 5.0);
            driver.OfferBias = _acceptance.DrawDriverBias(traits);
            driver.Position = driver.Home;
            drivers[i] = driver;
        }
        return drivers;
    }

    private void ScheduleFirstShift(SimDriver driver)
    {
        if (_fleet.AlwaysOnline)
        {
            driver.ShiftEndTicks = long.MaxValue;
            driver.BreakTicks = long.MaxValue;
            _queue.Push(_now, SimEventKind.ShiftStart, driver.Index);
            return;
        }
        // A shift that began yesterday or today and has not ended is joined in progress.
        var today = CityTime.ToLocal(_start, _city.TimeZone).Date;
        for (var date = today.AddDays(-1); ; date = date.AddDays(1))
        {
            PlanShift(driver, date);
            if (driver.ShiftEndTicks > _now)
            {
                _queue.Push(Math.Max(_now, driver.ShiftStartTicks), SimEventKind.ShiftStart, driver.Index);
                return;
            }
        }
    }

    /// <summary>Sets the driver's shift on a local date: its start, end and break.</summary>
    private void PlanShift(SimDriver driver, DateTime localDate)
    {
        driver.ShiftLocalDate = localDate;
        driver.ShiftStartTicks = CityTime.ToUtc(localDate + driver.ShiftLocalStart, _city.TimeZone).UtcTicks;
        driver.ShiftEndTicks = driver.ShiftStartTicks + driver.ShiftLength.Ticks;
        bool hasBreak = driver.ShiftLength.TotalHours >= _fleet.BreakFromShiftHours && _fleet.BreakMinutes > 0;
        driver.BreakTicks = hasBreak ? driver.ShiftStartTicks + driver.ShiftLength.Ticks / 2 : long.MaxValue;
    }

    private void OnShiftStart(SimDriver d)
    {
        if (d.Online)
            return;
        d.Position = d.Home;
        d.ShiftStartedTicks = _now;
        d.TripsThisShift = 0;
        d.EndShiftAfterJob = false;
        d.BreakAfterJob = false;
        d.PingGeneration++;
        BecomeIdle(d, IdleSeconds(d));

        _sink.Publish(new VehicleEvent
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            VehicleId = d.VehicleId,
            Status = VehicleStatus.InService,
            DriverId = d.Id,
        });
        PublishPerformance(d, onlineHours: 0);
        OnPing(d, d.PingGeneration);
        if (d.ShiftEndTicks != long.MaxValue)
            _queue.Push(d.ShiftEndTicks, SimEventKind.ShiftEnd, d.Index, d.PingGeneration);
        if (d.BreakTicks != long.MaxValue && d.BreakTicks > _now)
            _queue.Push(d.BreakTicks, SimEventKind.BreakStart, d.Index, d.PingGeneration);
    }

    private void OnShiftEnd(SimDriver d, int shift)
    {
        if (shift != d.PingGeneration || !d.Online)
            return;
        if (d.Phase is DriverPhase.ToPickup or DriverPhase.OnTrip)
            d.EndShiftAfterJob = true;
        else
            GoOffline(d);
    }

    private void GoOffline(SimDriver d)
    {
        AbandonReposition(d);
        if (d.ReplyPending)
        {
            d.ReplyPending = false;
            _metrics.OffersUnanswered++;
        }
        StopRoute(d);
        SetPhase(d, DriverPhase.Offline);
        PublishPing(d);
        d.PingGeneration++;
        _sink.Publish(new VehicleEvent
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            VehicleId = d.VehicleId,
            Status = VehicleStatus.OutOfService,
            DriverId = d.Id,
        });
        PublishPerformance(d, onlineHours: (_now - d.ShiftStartedTicks) / (double)TimeSpan.TicksPerHour);

        PlanShift(d, d.ShiftLocalDate.AddDays(1));
        _queue.Push(Math.Max(_now, d.ShiftStartTicks), SimEventKind.ShiftStart, d.Index);
    }

    private void OnBreakStart(SimDriver d, int shift)
    {
        if (shift != d.PingGeneration || !d.Online)
            return;
        if (d.Phase is DriverPhase.ToPickup or DriverPhase.OnTrip)
            d.BreakAfterJob = true;
        else
            StartBreak(d);
    }

    private void StartBreak(SimDriver d)
    {
        d.BreakAfterJob = false;
        AbandonReposition(d);
        StopRoute(d);
        SetPhase(d, DriverPhase.Break);
        _queue.Push(After(_fleet.BreakMinutes * 60), SimEventKind.BreakEnd, d.Index, d.Generation);
    }

    private void OnBreakEnd(SimDriver d, int generation)
    {
        if (generation == d.Generation && d.Phase == DriverPhase.Break)
            BecomeIdle(d, IdleSeconds(d));
    }

    /// <summary>What a driver does when a job ends or is cancelled: go home, take the due break, or wait for the next.</summary>
    private void AfterJob(SimDriver d)
    {
        if (d.EndShiftAfterJob)
            GoOffline(d);
        else if (d.BreakAfterJob)
            StartBreak(d);
        else
            BecomeIdle(d, IdleSeconds(d));
    }

    /// <summary>A free driver's wait before cruising: exponential around <see cref="MovementOptions.MeanIdleMinutes"/>.</summary>
    private double IdleSeconds(SimDriver d) => _movement.MeanIdleMinutes * 60 * d.Random.Exponential(1);

    private void BecomeIdle(SimDriver d, double idleSeconds)
    {
        StopRoute(d);
        SetPhase(d, DriverPhase.Idle);
        _queue.Push(After(idleSeconds), SimEventKind.IdleEnd, d.Index, d.Generation);
    }

    /// <summary>After idling, a short cruise in a random direction that stays on land; if none is found, idle on.</summary>
    private void OnIdleEnd(SimDriver d, int generation)
    {
        if (generation != d.Generation || d.Phase != DriverPhase.Idle)
            return;
        for (int attempt = 0; attempt < CruiseAttempts; attempt++)
        {
            double km = d.Random.Uniform(_movement.CruiseKmMin, _movement.CruiseKmMax);
            double angle = d.Random.NextDouble() * 2 * Math.PI;
            var target = GeoMath.Offset(d.Position, km * Math.Sin(angle), km * Math.Cos(angle));
            if (_city.Land.SegmentInside(d.Position, target))
            {
                SetPhase(d, DriverPhase.Cruising);
                StartRoute(d, target, RoadSpeedNow() * _movement.CruiseSpeedFactor);
                return;
            }
        }
        _queue.Push(After(IdleSeconds(d)), SimEventKind.IdleEnd, d.Index, d.Generation);
    }

    private void OnRouteEnd(SimDriver d, int generation)
    {
        if (generation != d.Generation || !d.Route.Active)
            return;
        double roadKm = d.Route.StraightKm * _movement.DetourFactor;
        StopRoute(d);
        switch (d.Phase)
        {
            case DriverPhase.Cruising:
                BecomeIdle(d, IdleSeconds(d));
                break;
            case DriverPhase.Repositioning:
                if (d.ActiveOfferKey is null)
                    _metrics.DirectivesArrived++;
                else
                    _metrics.OffersArrived++;
                d.ActiveOfferKey = null;
                BecomeIdle(d, _movement.WaitAtTargetMinutes * 60);
                break;
            case DriverPhase.ToPickup:
                PickUp(d);
                break;
            case DriverPhase.OnTrip:
                DropOff(d, roadKm);
                break;
        }
    }

    /// <summary>Plans a route from where the driver is and schedules its end; returns when it ends.</summary>
    private long StartRoute(SimDriver d, LatLng target, double roadSpeedKmh)
    {
        StopRoute(d);
        long end = d.Route.Start(d.Position, target, _city.Router, _now, roadSpeedKmh, _movement.DetourFactor);
        _queue.Push(end, SimEventKind.RouteEnd, d.Index, d.Generation);
        return end;
    }

    /// <summary>Ends the route where the driver is now, adding the road driven to the odometers.</summary>
    private void StopRoute(SimDriver d)
    {
        if (!d.Route.Active)
            return;
        double roadKm = d.Route.StraightKmAt(_now) * _movement.DetourFactor;
        if (d.Phase == DriverPhase.OnTrip)
            _metrics.LoadedKm += roadKm;
        else
            _metrics.EmptyKm += roadKm;
        d.Position = d.Route.PositionAt(_now);
        d.Route.Stop();
    }

    /// <summary>Changes phase, closing the time spent in the old status and making earlier plans stale.</summary>
    /// <remarks>
    /// The dispatch grid holds only drivers who can take a job, so a dispatch round in a busy area does not wade
    /// through the drivers already on trips.
    /// </remarks>
    private void SetPhase(SimDriver d, DriverPhase phase)
    {
        if (d.Online)
            _metrics.AddStatusTime(d.Phase.ToStatus(), _now - d.PhaseSinceTicks);
        d.Phase = phase;
        d.PhaseSinceTicks = _now;
        d.Generation++;
        if (Dispatchable(phase))
            _grid.Place(d.Index, d.PositionAt(_now));
        else
            _grid.Remove(d.Index);
    }

    private static bool Dispatchable(DriverPhase phase) => phase.IsFree() || phase == DriverPhase.Repositioning;

    private void OnPing(SimDriver d, int pingGeneration)
    {
        if (pingGeneration != d.PingGeneration || !d.Online)
            return;
        PublishPing(d);
        double seconds = d.Random.Uniform(_movement.PingSecondsMin, _movement.PingSecondsMax);
        _queue.Push(After(seconds), SimEventKind.Ping, d.Index, pingGeneration);
    }

    private void PublishPing(SimDriver d)
    {
        bool moving = d.Route.Active;
        var position = d.PositionAt(_now);
        if (Dispatchable(d.Phase))
            _grid.Place(d.Index, position);
        _metrics.DriverEvents++;
        _sink.Publish(new DriverEvent
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            DriverId = d.Id,
            VehicleId = d.VehicleId,
            Lat = position.Lat,
            Lng = position.Lng,
            SpeedKmh = moving ? d.Route.RoadSpeedKmh : 0,
            HeadingDeg = moving ? d.Route.HeadingAt(_now) : null,
            Status = d.Phase.ToStatus(),
        });
    }

    /// <summary>The performance platform's record; online hours and trips of the shift so far.</summary>
    private void PublishPerformance(SimDriver d, double onlineHours) =>
        _sink.Publish(new DriverRealPerformance
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            DriverId = d.Id,
            AcceptanceRate = d.ReportedAcceptance(_fleet.HistoryJobs),
            CancellationRate = d.ReportedCancellation(_fleet.HistoryJobs),
            Rating = d.Rating,
            OnlineHours = onlineHours,
            CompletedTrips = d.TripsThisShift,
        });
}
