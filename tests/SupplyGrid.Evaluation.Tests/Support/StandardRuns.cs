using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// Runs the balanced and the hotspot scenarios once with every arm, all six arms side by side in this process, for the
/// tests that only read results; the test classes of the collection share one instance.
/// </summary>
public sealed class StandardRuns : IAsyncLifetime
{
    internal EvaluationScenario BalancedScenario { get; } = Scenarios.Balanced();

    internal EvaluationScenario HotspotScenario { get; } = Scenarios.Hotspot();

    public IReadOnlyList<ArmResult> Balanced { get; private set; } = [];

    public IReadOnlyList<ArmResult> Hotspot { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var balanced = Arms.RunAsync(BalancedScenario, All);
        var hotspot = Arms.RunAsync(HotspotScenario, All);
        Balanced = await balanced;
        Hotspot = await hotspot;
    }

    public static ArmKind[] All { get; } = [ArmKind.Observe, ArmKind.Reposition, ArmKind.Naive];

    public Task DisposeAsync() => Task.CompletedTask;

    public static ArmResult Arm(IReadOnlyList<ArmResult> results, ArmKind arm) => results.Single(r => r.Arm == arm);
}

[CollectionDefinition(Name)]
public sealed class StandardRunsCollection : ICollectionFixture<StandardRuns>
{
    public const string Name = "standard runs";
}
