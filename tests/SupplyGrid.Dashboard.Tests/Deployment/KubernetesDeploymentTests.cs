using YamlDotNet.RepresentationModel;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>The manifests, the silo container's environment as the kubelet would build it, and the silo started (hollowed) with it.</summary>
public sealed class KubernetesDeployment
{
    internal KubernetesManifests Manifests { get; } = KubernetesManifests.Load(DeploymentFiles.KubernetesDirectory, OperatorEnvironment.Variables);

    internal List<string> ReferenceProblems { get; } = [];

    internal IReadOnlyDictionary<string, string> Environment { get; }

    internal IReadOnlyDictionary<string, string> Settings { get; }

    internal SiloStartReport Report { get; }

    public KubernetesDeployment()
    {
        Environment = Manifests.ContainerEnvironment(ReferenceProblems);
        Settings = EnvironmentVariables.ToSettings(Environment);
        Report = SiloStartProbe.Start(Settings);
    }
}

public sealed class KubernetesDeploymentTests(KubernetesDeployment kubernetes) : IClassFixture<KubernetesDeployment>
{
    /// <summary>The settings that must never sit in a ConfigMap (the brief's secrets).</summary>
    private static readonly string[] s_secretSettings = ["Api:Jwt:SigningKey", "ConnectionStrings:Postgres"];

    private int HttpPort => kubernetes.Manifests.ContainerPorts["http"];

    [Fact]
    public void Every_configmap_and_secret_the_container_references_exists_with_the_referenced_keys() =>
        Assert.Empty(kubernetes.ReferenceProblems);

    [Fact]
    public void Every_environment_variable_of_the_container_is_a_key_the_silo_reads() =>
        Assert.Empty(DeploymentChecks.UnreadSettings(kubernetes.Settings, kubernetes.Report));

    [Fact]
    public void The_silo_passes_its_start_validation_with_the_filled_in_manifests() =>
        Assert.Empty(DeploymentChecks.StartProblems(kubernetes.Report));

    [Fact]
    public void The_silo_listens_on_every_interface_on_the_container_port() =>
        Assert.Empty(DeploymentChecks.ListenProblems(kubernetes.Report, HttpPort));

    [Theory]
    [InlineData("startupProbe")]
    [InlineData("livenessProbe")]
    [InlineData("readinessProbe")]
    public void The_probe_requests_an_anonymous_health_route_on_the_silo_port(string probe)
    {
        var (path, port) = kubernetes.Manifests.Probe(probe);
        Assert.Empty(DeploymentChecks.ProbeProblems(probe, path, port, kubernetes.Report, HttpPort));
    }

    [Fact]
    public void The_signing_key_and_the_connection_string_come_from_the_secret_and_nowhere_else()
    {
        var secretVariables = kubernetes.Manifests.Container.Sequence("env").Mappings()
            .Where(e => e.OptionalMapping("valueFrom")?.OptionalMapping("secretKeyRef") is not null)
            .Select(e => EnvironmentVariables.ToConfigurationKey(e.Scalar("name")))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var configMapKeys = kubernetes.Manifests.OfKind("ConfigMap")
            .SelectMany(c => c.OptionalMapping("data")?.ScalarEntries() ?? [])
            .Select(e => EnvironmentVariables.ToConfigurationKey(e.Key));
        Assert.All(s_secretSettings, setting => Assert.Contains(setting, secretVariables));
        Assert.Empty(configMapKeys.Intersect(s_secretSettings, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_service_selects_the_silo_pods_and_targets_the_silo_port()
    {
        var podLabels = kubernetes.Manifests.Deployment.Mapping("spec").Mapping("template").Mapping("metadata").Mapping("labels").ScalarEntries();
        foreach (var service in kubernetes.Manifests.OfKind("Service"))
        {
            var spec = service.Mapping("spec");
            Assert.Subset(podLabels.ToHashSet(), spec.Mapping("selector").ScalarEntries().ToHashSet());
            Assert.All(spec.Sequence("ports").Mappings(), p => Assert.Equal(HttpPort, kubernetes.Manifests.ResolvePort(p.Scalar("targetPort"))));
        }
    }

    [Fact]
    public void The_silo_container_requests_and_limits_cpu_and_memory()
    {
        var resources = kubernetes.Manifests.Container.Mapping("resources");
        foreach (var bound in new[] { "requests", "limits" })
        {
            var values = resources.Mapping(bound);
            Assert.NotEmpty(values.Scalar("cpu"));
            Assert.NotEmpty(values.Scalar("memory"));
        }
    }

    [Fact]
    public void The_kustomization_applies_every_manifest_but_the_secret_template()
    {
        var kustomization = YamlNodes.LoadMapping(Path.Combine(DeploymentFiles.KubernetesDirectory, "kustomization.yaml"));
        var listed = kustomization.Sequence("resources").Scalars().Order(StringComparer.Ordinal);
        var manifests = Directory.GetFiles(DeploymentFiles.KubernetesDirectory, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not ("kustomization.yaml" or "secret.template.yaml")).Order(StringComparer.Ordinal);
        Assert.Equal(manifests, listed);
    }
}
