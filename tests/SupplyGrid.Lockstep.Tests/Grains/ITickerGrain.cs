namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>A grain with one timer that records, at each tick, the clock's time; a tick asks another grain something first.</summary>
public interface ITickerGrain : IGrainWithStringKey
{
    /// <summary>Ticks every <paramref name="period"/>, first one period from now.</summary>
    Task Start(TimeSpan period);

    /// <summary>Ticks once at once (due time zero); the tick takes <paramref name="work"/> of wall-clock time.</summary>
    Task StartAtOnce(TimeSpan work);

    /// <summary>Ticks every <paramref name="period"/>; each tick starts a one-way relay of <paramref name="hops"/> hops.</summary>
    Task StartRelaying(TimeSpan period, int hops);

    Task<IReadOnlyList<DateTimeOffset>> Ticks();
}
