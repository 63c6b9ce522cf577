namespace SupplyGrid.Simulator;

/// <summary>
/// Chooses the driver for a booking. The engine gathers the candidates and calls this synchronously, inside a step;
/// an implementation that asks the grid (the ODRD ranking) should rank from a snapshot it refreshes between steps.
/// </summary>
public interface IDispatcher
{
    /// <summary>
    /// The index in <paramref name="candidates"/> of the driver to ask, or -1 to leave the booking waiting. If the
    /// driver declines the job, the engine calls again without that driver.
    /// </summary>
    int Choose(in DispatchRequest request, ReadOnlySpan<DispatchCandidate> candidates);
}
