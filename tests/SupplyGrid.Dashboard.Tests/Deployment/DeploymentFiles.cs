namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>Where the deployment artifacts are in the repository the tests were built from.</summary>
internal static class DeploymentFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ComposeFile => Path.Combine(RepositoryRoot, "deploy", "compose", "compose.yaml");

    public static string KubernetesDirectory => Path.Combine(RepositoryRoot, "deploy", "kubernetes");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupplyGrid.sln")))
                return directory.FullName;
        }

        throw new DirectoryNotFoundException($"No SupplyGrid.sln above {AppContext.BaseDirectory}: the tests must run from the repository's build output.");
    }
}
