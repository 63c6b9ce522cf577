namespace SupplyGrid.Simulator;

/// <summary>The default dispatcher: the nearest candidate (straight line); the first listed on a tie.</summary>
public sealed class NearestDriverDispatcher : IDispatcher
{
    public static NearestDriverDispatcher Instance { get; } = new();

    public int Choose(in DispatchRequest request, ReadOnlySpan<DispatchCandidate> candidates)
    {
        int best = -1;
        double bestKm = double.PositiveInfinity;
        for (int i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].DistanceKm < bestKm)
            {
                bestKm = candidates[i].DistanceKm;
                best = i;
            }
        }
        return best;
    }
}
