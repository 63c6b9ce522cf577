namespace SupplyGrid.Bench.City;

/// <summary>
/// The records a feed has handed over and not yet seen handled, kept under <c>size</c>: the feeder waits before
/// handing over one more while the window is full, so the grid runs saturated but queues stay bounded (and so does the
/// queueing delay an offer sees, and how far the simulated clock, which the feeder moves, runs ahead of the grains).
/// Records the largest lag (handed over minus handled) and the lag when measuring stopped.
/// </summary>
internal sealed class DeliveryWindow(int size, Func<long> handled)
{
    private long _sent;
    private long _peak;
    private long _final;

    /// <summary>Records handed over so far.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Handed over and not yet handled.</summary>
    public long Lag => Sent - handled();

    /// <summary>
    /// Waits until the window has room, then counts one more record handed over (on the feeder's thread only).
    /// </summary>
    public void Enter()
    {
        var spin = new SpinWait();
        long lag;
        while ((lag = _sent - handled()) >= size)
        {
            // A few spins catch a window that frees within microseconds; past that, polling every millisecond leaves the
            // cores to the grid (and the process's CPU per event uninflated) while records are handled.
            if (spin.NextSpinWillYield)
                Thread.Sleep(1);
            else
                spin.SpinOnce();
        }

        Volatile.Write(ref _sent, _sent + 1);
        if (lag + 1 > _peak)
            Volatile.Write(ref _peak, lag + 1);
    }

    public void StartMeasuring() => Volatile.Write(ref _peak, 0);

    public void StopMeasuring() => _final = Lag;

    /// <summary>The window, the largest lag since measuring started and the lag when it stopped.</summary>
    public void AddFiguresTo(IDictionary<string, object?> line)
    {
        line["window"] = size;
        line["max_lag"] = Volatile.Read(ref _peak);
        line["final_lag"] = _final;
    }
}
