using Orleans;

namespace SupplyGrid.Bench.Grid;

/// <summary>The bare-Orleans baseline: a grain whose one method does nothing, so a call costs only Orleans' own work.</summary>
public interface IBaselineGrain : IGrainWithIntegerKey
{
    Task Ping();
}

public sealed class BaselineGrain : Grain, IBaselineGrain
{
    public Task Ping() => Task.CompletedTask;
}
