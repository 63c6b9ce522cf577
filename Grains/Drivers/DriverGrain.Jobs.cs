using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Drivers;

/// <summary>Dispatched jobs, completed trips and performance records.</summary>
public sealed partial class DriverGrain
{
    private const int RememberedTrips = 32;

    private string? _jobId;
    private long _jobAssignedTicks;
    private long _lastJobEventTicks;
    private bool _jobSawWorking;

    public Task OnNextAsync(DispatchJob job)
    {
        var ticks = job.Ts.UtcTicks;
        if (ticks <= _lastJobEventTicks)
        {
            _metrics.Ignored("stale_job");
            return Task.CompletedTask;
        }

        _lastJobEventTicks = ticks;
        if (job.Status == DispatchJobStatus.Assigned)
        {
            _jobId = job.JobId;
            _jobAssignedTicks = ticks;
            _jobSawWorking = false;
        }
        else if (job.JobId == _jobId)
        {
            _jobId = null;
        }

        SyncPresence(_lastPingTicks);
        return _offers.Live is not null && _jobId is not null ? EndLiveOfferAsync("driver took a job") : Task.CompletedTask;
    }

    public async Task OnNextAsync(UploadTrip trip)
    {
        var recent = State.RecentTripIds ??= new List<string>(RememberedTrips);
        if (recent.Contains(trip.TripId))
        {
            _metrics.Ignored("replayed_trip");
            return;
        }

        recent.Add(trip.TripId);
        if (recent.Count > RememberedTrips)
            recent.RemoveAt(0);
        // A trip that started after the assignment finishes the job.
        if (_jobId is not null && trip.StartedAt.UtcTicks >= _jobAssignedTicks)
            _jobId = null;

        State.CompletedTrips++;
        var city = _city ?? _cities.Find(trip.DropoffLat, trip.DropoffLng);
        var countsForEarnings = city is null || string.Equals(trip.Currency, city.Currency, StringComparison.Ordinal);
        if (countsForEarnings)
        {
            State.TotalTrips++;
            State.TotalEarnings += trip.DriverEarnings;
        }

        if (city is not null)
        {
            if (_city is null)
                _city = city;
            RollDay(Now);
            if (city.LocalDay(trip.EndedAt) == State.Today.Day)
            {
                State.Today.Trips++;
                if (countsForEarnings)
                    State.Today.Earnings += trip.DriverEarnings;
            }

            var pickup = H3.LatLngToCell(trip.PickupLat, trip.PickupLng, city.Resolution);
            var dropoff = H3.LatLngToCell(trip.DropoffLat, trip.DropoffLng, city.Resolution);
            _ = GrainFactory.GetGrain<ICityGrain>(city.Id).TripCompleted(new QuestTrip(_id, trip.TripId, pickup, dropoff, trip.EndedAt));
        }

        await _state.WriteStateAsync();
        SyncPresence(_lastPingTicks);
    }

    public async Task OnNextAsync(DriverRealPerformance performance)
    {
        if (State.PerformanceAt is { } last && performance.Ts <= last)
        {
            _metrics.Ignored("stale_performance");
            return;
        }

        State.PerformanceAt = performance.Ts;
        State.AcceptanceRate = performance.AcceptanceRate;
        State.CancellationRate = performance.CancellationRate;
        State.Rating = performance.Rating;
        State.CompletedTrips = Math.Max(State.CompletedTrips, performance.CompletedTrips);
        await _state.WriteStateAsync();
        SendPresence(_lastPingTicks);
    }

    public Task OnNextAsync(MessageReply reply) =>
        Reply(reply.MessageId, reply.Decision == ReplyDecision.Accept, reply.Reason);

    /// <summary>The job flag clears once the driver worked it and is available again, or after the longest job.</summary>
    private void TrackJob(long ticks)
    {
        if (_jobId is null)
            return;
        if (_status is DriverStatus.Busy or DriverStatus.OnTrip)
            _jobSawWorking = true;
        else if ((_status == DriverStatus.Available && _jobSawWorking) || ticks - _jobAssignedTicks > _options.MaxJobDuration.Ticks)
            _jobId = null;
    }
}
