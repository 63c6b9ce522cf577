using SupplyGrid.Grains.Tests.Scenarios;

namespace SupplyGrid.Grains.Tests.Grid;

/// <summary>A grid shared by the scenarios of one collection, reset before each scenario.</summary>
public abstract class SharedGrid : IAsyncLifetime
{
    private ScenarioGrid? _grid;

    internal async Task<DomainScenario> StartScenarioAsync()
    {
        var grid = _grid ?? throw new InvalidOperationException("The grid has not started.");
        await grid.ResetAsync();
        return new DomainScenario(grid, ownsGrid: false);
    }

    public async Task InitializeAsync() => _grid = await StartGridAsync();

    public async Task DisposeAsync()
    {
        if (_grid is not null)
            await _grid.DisposeAsync();
    }

    private protected abstract Task<ScenarioGrid> StartGridAsync();
}

/// <summary>The grid most scenarios share: default settings, Orleans' memory storage.</summary>
public sealed class DefaultGrid : SharedGrid
{
    public const string Name = "default grid";

    private protected override Task<ScenarioGrid> StartGridAsync() => ScenarioGrid.StartAsync();
}

[CollectionDefinition(DefaultGrid.Name)]
public sealed class DefaultGridCollection : ICollectionFixture<DefaultGrid>;

/// <summary>
/// A grid whose cells recompute every 5 minutes (for scenarios that span hours or days, or that want no recompute but
/// the one they ask for) and whose grain state outlives silo restarts.
/// </summary>
public sealed class SlowTickGrid : SharedGrid
{
    public const string Name = "slow-tick grid";

    private static readonly Dictionary<string, string?> Settings = new() { ["Cities:singapore:Cells:TickInterval"] = "00:05:00" };

    private protected override Task<ScenarioGrid> StartGridAsync() => ScenarioGrid.StartAsync(Settings, survivingStates: true);
}

[CollectionDefinition(SlowTickGrid.Name)]
public sealed class SlowTickGridCollection : ICollectionFixture<SlowTickGrid>;
