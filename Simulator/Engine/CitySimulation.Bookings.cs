using System.Runtime.InteropServices;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>Bookings from creation to dropoff or expiry, and the dispatch rounds that match them to drivers.</summary>
public sealed partial class CitySimulation
{
    private readonly List<BookingSlot> _bookings = [];
    private readonly Stack<int> _freeBookingSlots = new();
    private readonly List<(int Slot, int Generation)> _pending = [];
    private readonly List<int> _nearby = [];
    private readonly List<DispatchCandidate> _candidates = [];
    private readonly List<int> _candidateDrivers = [];
    private bool _dispatchRoundScheduled;

    private void HandleBooking(in DemandArrival arrival)
    {
        int slot = AllocateBooking();
        ref var b = ref Booking(slot);
        b.Id = _ids.NextBooking();
        b.State = BookingState.Pending;
        b.CreatedTicks = _now;
        b.Pickup = arrival.Pickup;
        b.Dropoff = arrival.Dropoff;
        b.Hour = _metrics.HourOf(_now);
        b.ExcludedDriver = -1;

        double roadKm = GeoMath.DistanceKm(b.Pickup, b.Dropoff) * _movement.DetourFactor;
        double minutes = roadKm / RoadSpeedNow() * 60;
        _sink.Publish(new BookingCreated
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            BookingId = b.Id,
            BookingType = BookingType.Immediate,
            PickupLat = b.Pickup.Lat,
            PickupLng = b.Pickup.Lng,
            DropoffLat = b.Dropoff.Lat,
            DropoffLng = b.Dropoff.Lng,
            EstimatedFare = _city.Fare.Fare(roadKm, minutes),
            Currency = _city.Currency,
        });
        _metrics.BookingCreated(b.Hour);
        _queue.Push(After(_dispatch.WaitLimitMinutes * 60), SimEventKind.BookingExpire, slot, b.Generation);
        if (!TryDispatch(slot))
            AddPending(slot);
    }

    /// <summary>
    /// Asks the dispatcher for a driver among the eligible ones within reach, then asks that driver, who may decline
    /// (their job acceptance); up to <see cref="DispatchOptions.MaxAsksPerRound"/> drivers per round.
    /// </summary>
    private bool TryDispatch(int slot)
    {
        var b = Booking(slot);
        GatherCandidates(b);
        for (int ask = 0; ask < _dispatch.MaxAsksPerRound && _candidates.Count > 0; ask++)
        {
            var request = new DispatchRequest(b.Id, NowOffset, b.Pickup, b.Dropoff, TimeSpan.FromTicks(_now - b.CreatedTicks));
            int choice = _dispatcher.Choose(request, CollectionsMarshal.AsSpan(_candidates));
            if (choice < 0)
                return false;
            if (choice >= _candidates.Count)
                throw new InvalidOperationException($"The dispatcher chose candidate {choice} of {_candidates.Count}.");
            var driver = _drivers[_candidateDrivers[choice]];
            driver.JobsAsked++;
            _metrics.JobsAsked++;
            if (driver.Random.Chance(driver.JobAcceptance))
            {
                Assign(driver, slot, _candidates[choice].DistanceKm);
                return true;
            }
            _metrics.JobsDeclined++;
            _candidates.RemoveAt(choice);
            _candidateDrivers.RemoveAt(choice);
        }
        return false;
    }

    private void GatherCandidates(in BookingSlot b)
    {
        _nearby.Clear();
        _candidates.Clear();
        _candidateDrivers.Clear();
        // The grid holds positions from the last ping or change of phase; a driver has moved at most the slack since.
        _grid.Near(b.Pickup, _dispatch.MaxPickupKm + _gridSlackKm, _nearby);
        foreach (int index in _nearby)
        {
            var d = _drivers[index];
            if (index == b.ExcludedDriver || !Eligible(d, b.Pickup))
                continue;
            var position = d.PositionAt(_now);
            double km = GeoMath.DistanceKm(position, b.Pickup);
            if (km > _dispatch.MaxPickupKm)
                continue;
            _candidates.Add(new DispatchCandidate(d.Id, d.VehicleId, position, km, d.Phase == DriverPhase.Repositioning,
                d.ReportedAcceptance(_fleet.HistoryJobs), d.Rating));
            _candidateDrivers.Add(index);
        }
    }

    private bool Eligible(SimDriver d, LatLng pickup) =>
        d.Phase.IsFree()
        || (d.Phase == DriverPhase.Repositioning
            && GeoMath.DistanceKm(pickup, d.RepositionTarget) <= _dispatch.RepositioningPickupRadiusKm);

    private void Assign(SimDriver d, int slot, double pickupKm)
    {
        if (d.Phase == DriverPhase.Repositioning && d.ActiveOfferKey is not null)
            _metrics.OffersDiverted++;
        d.ActiveOfferKey = null;
        StopRoute(d);
        ref var b = ref Booking(slot);
        b.State = BookingState.Assigned;
        b.AssignedTicks = _now;
        b.PickupKm = pickupKm;
        b.JobId = _ids.NextJob();
        d.Booking = slot;
        d.JobsAccepted++;
        SetPhase(d, DriverPhase.ToPickup);
        long arrival = StartRoute(d, b.Pickup, RoadSpeedNow());
        PublishJob(d, b, DispatchJobStatus.Assigned);
        if (d.Random.Chance(d.CancellationRate))
            _queue.Push(_now + (long)((arrival - _now) * d.Random.NextDouble()), SimEventKind.JobCancel, d.Index, d.Generation);
    }

    /// <summary>The driver gives the job back on the way; the booking returns to dispatch, without that driver.</summary>
    private void OnJobCancel(SimDriver d, int generation)
    {
        if (generation != d.Generation || d.Phase != DriverPhase.ToPickup)
            return;
        int slot = d.Booking;
        StopRoute(d);
        d.JobsCancelled++;
        d.Booking = -1;
        _metrics.JobsCancelled++;
        ref var b = ref Booking(slot);
        PublishJob(d, b, DispatchJobStatus.Cancelled);
        b.State = BookingState.Pending;
        b.ExcludedDriver = d.Index;
        // The rider keeps waiting; give dispatch at least one more round even if the wait limit has passed.
        long expiry = Math.Max(b.CreatedTicks + (long)(_dispatch.WaitLimitMinutes * TimeSpan.TicksPerMinute), After(_dispatch.RetrySeconds));
        _queue.Push(expiry, SimEventKind.BookingExpire, slot, b.Generation);
        AfterJob(d);
        if (!TryDispatch(slot))
            AddPending(slot);
    }

    private void PickUp(SimDriver d)
    {
        ref var b = ref Booking(d.Booking);
        _metrics.BookingServed(
            b.Hour,
            b.PickupKm,
            (_now - b.AssignedTicks) / (double)TimeSpan.TicksPerMinute,
            (_now - b.CreatedTicks) / (double)TimeSpan.TicksPerMinute);
        b.State = BookingState.OnBoard;
        b.PickedUpTicks = _now;
        SetPhase(d, DriverPhase.OnTrip);
        StartRoute(d, b.Dropoff, RoadSpeedNow());
    }

    private void DropOff(SimDriver d, double roadKm)
    {
        int slot = d.Booking;
        ref var b = ref Booking(slot);
        double minutes = (_now - b.PickedUpTicks) / (double)TimeSpan.TicksPerMinute;
        decimal fare = _city.Fare.Fare(roadKm, minutes);
        _sink.Publish(new UploadTrip
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            TripId = _ids.NextTrip(),
            BookingId = b.Id,
            DriverId = d.Id,
            VehicleId = d.VehicleId,
            PickupLat = b.Pickup.Lat,
            PickupLng = b.Pickup.Lng,
            DropoffLat = b.Dropoff.Lat,
            DropoffLng = b.Dropoff.Lng,
            StartedAt = new DateTimeOffset(b.PickedUpTicks, TimeSpan.Zero),
            EndedAt = NowOffset,
            DistanceKm = roadKm,
            Fare = fare,
            DriverEarnings = _city.Fare.DriverEarnings(fare),
            Currency = _city.Currency,
        });
        _metrics.TripsCompleted++;
        _metrics.Fares += fare;
        d.TripsCompleted++;
        d.TripsThisShift++;
        d.Booking = -1;
        FreeBooking(slot);
        AfterJob(d);
    }

    private void OnBookingExpire(int slot, int generation)
    {
        ref var b = ref Booking(slot);
        if (b.Generation != generation || b.State != BookingState.Pending)
            return;
        _metrics.BookingExpired(b.Hour, UnservedSupplyAt(slot));
        FreeBooking(slot);
    }

    /// <summary>
    /// The expiring booking's <see cref="UnservedSupply"/> class: a free driver in reach; else as many free drivers
    /// within <see cref="UnservedSupplyKm.Area"/> as bookings waiting there (this one included); else too few.
    /// </summary>
    private UnservedSupply UnservedSupplyAt(int slot)
    {
        var pickup = Booking(slot).Pickup;
        _nearby.Clear();
        _grid.Near(pickup, UnservedSupplyKm.Area + _gridSlackKm, _nearby);
        int freeInArea = 0;
        foreach (int index in _nearby)
        {
            var d = _drivers[index];
            if (!d.Phase.IsFree())
                continue;
            double km = GeoMath.DistanceKm(d.PositionAt(_now), pickup);
            if (km <= _dispatch.MaxPickupKm)
                return UnservedSupply.InReach;
            if (km <= UnservedSupplyKm.Area)
                freeInArea++;
        }
        int waitingInArea = 1;
        foreach (var (other, generation) in _pending)
        {
            var b = Booking(other);
            if (other != slot && b.Generation == generation && b.State == BookingState.Pending
                && GeoMath.DistanceKm(b.Pickup, pickup) <= UnservedSupplyKm.Area)
                waitingInArea++;
        }
        return freeInArea >= waitingInArea ? UnservedSupply.Misplaced : UnservedSupply.Short;
    }

    private void AddPending(int slot)
    {
        _pending.Add((slot, Booking(slot).Generation));
        if (!_dispatchRoundScheduled)
        {
            _dispatchRoundScheduled = true;
            _queue.Push(After(_dispatch.RetrySeconds), SimEventKind.DispatchRound, 0);
        }
    }

    /// <summary>Offers every waiting booking again, oldest first; expired and assigned ones leave the list.</summary>
    private void OnDispatchRound()
    {
        _dispatchRoundScheduled = false;
        int kept = 0;
        for (int i = 0; i < _pending.Count; i++)
        {
            var (slot, generation) = _pending[i];
            var b = Booking(slot);
            if (b.Generation != generation || b.State != BookingState.Pending || TryDispatch(slot))
                continue;
            _pending[kept++] = _pending[i];
        }
        _pending.RemoveRange(kept, _pending.Count - kept);
        if (_pending.Count > 0)
        {
            _dispatchRoundScheduled = true;
            _queue.Push(After(_dispatch.RetrySeconds), SimEventKind.DispatchRound, 0);
        }
    }

    private void PublishJob(SimDriver d, in BookingSlot b, DispatchJobStatus status) =>
        _sink.Publish(new DispatchJob
        {
            EventId = _ids.NextEvent(),
            Ts = NowOffset,
            JobId = b.JobId!,
            BookingId = b.Id,
            DriverId = d.Id,
            VehicleId = d.VehicleId,
            Status = status,
            PickupLat = b.Pickup.Lat,
            PickupLng = b.Pickup.Lng,
        });

    private ref BookingSlot Booking(int slot) => ref CollectionsMarshal.AsSpan(_bookings)[slot];

    /// <summary>Booking slots are reused once a booking is finished, so a long run's memory stays flat.</summary>
    private int AllocateBooking()
    {
        if (_freeBookingSlots.TryPop(out int slot))
            return slot;
        _bookings.Add(default);
        return _bookings.Count - 1;
    }

    private void FreeBooking(int slot)
    {
        ref var b = ref Booking(slot);
        b.State = BookingState.Free;
        b.Generation++;
        b.Id = string.Empty;
        b.JobId = null;
        _freeBookingSlots.Push(slot);
    }

    private enum BookingState : byte
    {
        Free,
        Pending,
        Assigned,
        OnBoard,
    }

    private struct BookingSlot
    {
        public string Id;
        public int Generation;
        public BookingState State;
        public long CreatedTicks;
        public LatLng Pickup;
        public LatLng Dropoff;
        public int Hour;
        public int ExcludedDriver;
        public long AssignedTicks;
        public double PickupKm;
        public string? JobId;
        public long PickedUpTicks;
    }
}
