namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>docs/deployment.md describes every setting the manifests make (the operator's reference must not lag them).</summary>
public sealed class DeploymentDocumentationTests
{
    private static readonly string s_documentation = File.ReadAllText(Path.Combine(DeploymentFiles.RepositoryRoot, "docs", "deployment.md"));

    [Fact]
    public void Every_environment_variable_of_the_compose_silo_is_documented() =>
        Assert.Empty(Undocumented(ComposeFile.Load(DeploymentFiles.ComposeFile, OperatorEnvironment.Variables).Environment(ComposeFile.SiloService).Select(e => e.Key)));

    [Fact]
    public void Every_environment_variable_of_the_kubernetes_container_is_documented() =>
        Assert.Empty(Undocumented(KubernetesManifests.Load(DeploymentFiles.KubernetesDirectory, OperatorEnvironment.Variables).ContainerEnvironment([]).Keys));

    private static List<string> Undocumented(IEnumerable<string> variables) =>
        variables.Where(v => !s_documentation.Contains($"`{v}`", StringComparison.Ordinal)).ToList();
}
