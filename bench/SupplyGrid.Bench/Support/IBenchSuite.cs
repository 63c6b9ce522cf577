namespace SupplyGrid.Bench;

/// <summary>A benchmark suite: prints one JSON object per scenario on its own line to stdout.</summary>
public interface IBenchSuite
{
    string Name { get; }

    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(BenchArgs args);
}
