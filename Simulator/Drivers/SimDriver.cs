using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// One simulated driver: fixed traits drawn at creation, the current phase and route, the job and offer in hand, and
/// the counters behind their performance record. Mutable state owned by the engine; never shared.
/// </summary>
internal sealed class SimDriver
{
    public SimDriver(int index, string id, string vehicleId, SimRandom random, DriverRoute route)
    {
        Index = index;
        Id = id;
        VehicleId = vehicleId;
        Random = random;
        Route = route;
    }

    public int Index { get; }

    public string Id { get; }

    public string VehicleId { get; }

    /// <summary>This driver's own stream: cruising, job and offer decisions.</summary>
    public SimRandom Random { get; }

    public DriverRoute Route { get; }

    // Traits, fixed for the run.
    public LatLng Home;
    public TimeSpan ShiftLocalStart;
    public TimeSpan ShiftLength;
    public double JobAcceptance;
    public double CancellationRate;
    public double Rating;
    public double OfferBias;

    // Current state.
    public DriverPhase Phase = DriverPhase.Offline;
    public long PhaseSinceTicks;
    public LatLng Position;

    /// <summary>Bumped at every change of plan, so scheduled route ends, idle ends and cancellations can go stale.</summary>
    public int Generation;

    /// <summary>Bumped when the driver goes online or offline, ending the previous chain of pings.</summary>
    public int PingGeneration;

    // The current or next shift, and when this one actually began.
    public DateTime ShiftLocalDate;
    public long ShiftStartTicks;
    public long ShiftEndTicks;
    public long BreakTicks;
    public long ShiftStartedTicks;
    public bool EndShiftAfterJob;
    public bool BreakAfterJob;

    // The booking in hand (slot in the engine's booking table), or -1.
    public int Booking = -1;

    // An offer waiting for the driver's reply.
    public bool ReplyPending;
    public int OfferGeneration;
    public string? PendingOfferKey;
    public string? PendingMessageId;
    public LatLng PendingTarget;
    public decimal PendingAmount;
    public DateTimeOffset? PendingDeadline;

    // The accepted offer being driven to (null key: a fleet directive).
    public string? ActiveOfferKey;
    public LatLng RepositionTarget;

    // Counters for the performance record.
    public int JobsAsked;
    public int JobsAccepted;
    public int JobsCancelled;
    public int TripsCompleted;
    public int TripsThisShift;

    public bool Online => Phase != DriverPhase.Offline;

    public LatLng PositionAt(long ticks) => Route.Active ? Route.PositionAt(ticks) : Position;

    /// <summary>
    /// The job acceptance rate a performance platform would show: the driver's trait counted as
    /// <paramref name="historyJobs"/> jobs of history, plus the jobs of this run.
    /// </summary>
    public double ReportedAcceptance(int historyJobs)
    {
        double asked = historyJobs + JobsAsked;
        return asked > 0 ? Math.Clamp((historyJobs * JobAcceptance + JobsAccepted) / asked, 0, 1) : JobAcceptance;
    }

    /// <summary>The cancellation rate on the same terms as <see cref="ReportedAcceptance"/>.</summary>
    public double ReportedCancellation(int historyJobs)
    {
        double taken = historyJobs + JobsAccepted;
        return taken > 0 ? Math.Clamp((historyJobs * CancellationRate + JobsCancelled) / taken, 0, 1) : CancellationRate;
    }
}
