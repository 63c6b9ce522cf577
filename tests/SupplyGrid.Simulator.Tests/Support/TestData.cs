namespace SupplyGrid.Simulator.Tests;

/// <summary>Finds the data directory: SUPPLYGRID_DATA_DIR, or the repository's data/ folder.</summary>
internal static class TestData
{
    public static string NycUberApril2014 => Path.Combine(Directory, "nyc-uber-pickups-2014-04.csv");

    private static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SUPPLYGRID_DATA_DIR") is { Length: > 0 } configured)
                return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SupplyGrid.sln")))
                    return Path.Combine(dir.FullName, "data");
            }
            throw new DirectoryNotFoundException("The repository root (SupplyGrid.sln) was not found above the test binaries; set SUPPLYGRID_DATA_DIR.");
        }
    }
}
