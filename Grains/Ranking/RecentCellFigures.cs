using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Ranking;

/// <summary>
/// Cell figures a ranking worker fetched lately, reused while younger than a maximum age: rankings close in time
/// share many candidates' cells, and each figure not reused is a grain call. Not thread-safe: one grain activation
/// owns it. Entries past their age are swept once the map has doubled since the last sweep, so it stays bounded by
/// the cells asked for within about one age.
/// </summary>
public sealed class RecentCellFigures(TimeSpan maxAge)
{
    private const int MinimumSweepSize = 64;

    private readonly long _maxAgeTicks = maxAge.Ticks;
    private readonly Dictionary<H3Index, (CellFigures Figures, long FetchedTicks)> _figures = [];
    private int _sweepAt = MinimumSweepSize;

    public int Count => _figures.Count;

    /// <summary>The figures fetched for <paramref name="cell"/> no longer than the maximum age before <paramref name="nowTicks"/>.</summary>
    public bool TryGet(H3Index cell, long nowTicks, out CellFigures figures)
    {
        if (_figures.TryGetValue(cell, out var entry) && nowTicks - entry.FetchedTicks <= _maxAgeTicks && nowTicks >= entry.FetchedTicks)
        {
            figures = entry.Figures;
            return true;
        }

        figures = default;
        return false;
    }

    public void Put(H3Index cell, CellFigures figures, long fetchedTicks)
    {
        if (_maxAgeTicks == 0)
            return;
        _figures[cell] = (figures, fetchedTicks);
        if (_figures.Count >= _sweepAt)
            Sweep(fetchedTicks);
    }

    private void Sweep(long nowTicks)
    {
        foreach (var (cell, entry) in _figures)
        {
            if (nowTicks - entry.FetchedTicks > _maxAgeTicks)
                _figures.Remove(cell);
        }

        _sweepAt = Math.Max(MinimumSweepSize, _figures.Count * 2);
    }
}
