using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.City;

/// <summary>
/// The path the city's records take to the grains (<c>--via</c>). The feeder hands each record over on its own thread;
/// the feed blocks it while its window of records handed over and not yet handled is full.
/// </summary>
internal interface ICityFeed
{
    /// <summary>The path's name, the JSON line's <c>via</c>.</summary>
    string Via { get; }

    /// <summary>Records handled by their grains so far (failed ones included).</summary>
    long Handled { get; }

    /// <summary>Records that never reached their grain, or whose grain failed on them.</summary>
    long Failed { get; }

    /// <summary>Why the last failure happened, if any did.</summary>
    string? LastFailure { get; }

    /// <summary>
    /// Hands <paramref name="record"/> to the grid under its topic and key; blocks while the window is full.
    /// </summary>
    void Deliver<T>(TopicContract<T> contract, T record) where T : class, ITopicRecord;

    /// <summary>
    /// Waits until every record handed over has been handled and the grid has done the work they set off (one-way
    /// notifications), so the heap can be weighed and measuring can start; fails after 30 s.
    /// </summary>
    Task SettleAsync();

    /// <summary>The measured window begins: peaks start over.</summary>
    void StartMeasuring();

    /// <summary>The measured window ends: what the path's figures are taken at.</summary>
    void StopMeasuring();

    /// <summary>Adds the path's figures over the measured window (and its totals now) to the JSON line.</summary>
    void AddFiguresTo(IDictionary<string, object?> line);
}
