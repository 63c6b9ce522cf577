namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Each check of the deployment tests, shown failing on a deployment broken in one way: a check that cannot fail
/// would pass the real manifests for nothing.
/// </summary>
public sealed class DeploymentChecksCanFailTests(ComposeDeployment compose) : IClassFixture<ComposeDeployment>
{
    [Fact]
    public void A_misspelt_key_is_reported_and_the_correct_spelling_in_any_case_is_not()
    {
        var settings = new Dictionary<string, string>(compose.Settings, StringComparer.OrdinalIgnoreCase);
        settings.Remove("Kafka:GroupId", out var groupId);
        settings["Kafka:GroupIdd"] = groupId!;
        settings["kafka:outbox:LINGER"] = "00:00:00.010";

        var unread = DeploymentChecks.UnreadSettings(settings, SiloStartProbe.Start(settings));

        Assert.Equal(["Kafka:GroupIdd is set but the silo does not read it."], unread);
    }

    [Fact]
    public void A_value_the_silo_refuses_fails_its_start_naming_the_setting()
    {
        var settings = new Dictionary<string, string>(compose.Settings, StringComparer.OrdinalIgnoreCase) { ["Api:Jwt:SigningKey"] = "too-short" };

        var problems = DeploymentChecks.StartProblems(SiloStartProbe.Start(settings));

        Assert.Contains(problems, p => p.Contains("Api:Jwt:SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported()
    {
        var settings = new Dictionary<string, string>(compose.Settings, StringComparer.OrdinalIgnoreCase) { ["Kafka:CommitInterval"] = "often" };

        var problems = DeploymentChecks.StartProblems(SiloStartProbe.Start(settings));

        Assert.Contains(problems, p => p.Contains("Kafka:CommitInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void A_listen_address_on_one_host_or_another_port_is_reported()
    {
        Assert.NotEmpty(DeploymentChecks.ListenProblems(compose.Report with { ListenAddresses = ["http://localhost:8080"] }, 8080));
        Assert.NotEmpty(DeploymentChecks.ListenProblems(compose.Report, compose.SiloPort + 1));
        Assert.NotEmpty(DeploymentChecks.ListenProblems(compose.Report with { ListenAddresses = [] }, compose.SiloPort));
    }

    [Fact]
    public void A_probe_on_an_unmapped_path_a_protected_path_or_another_port_is_reported()
    {
        var report = compose.Report;
        var healthy = compose.File.HealthcheckUrl(ComposeFile.SiloService).AbsolutePath;

        Assert.Empty(DeploymentChecks.ProbeProblems("probe", healthy, compose.SiloPort, report, compose.SiloPort));
        Assert.NotEmpty(DeploymentChecks.ProbeProblems("probe", healthy + "z", compose.SiloPort, report, compose.SiloPort));
        Assert.NotEmpty(DeploymentChecks.ProbeProblems("probe", healthy, compose.SiloPort + 1, report, compose.SiloPort));
        // The detailed health report is mapped but needs a token: a probe sends none.
        var protectedRoute = Assert.Single(report.Routes, r => r.LiteralPath == "/health/detailed");
        Assert.False(protectedRoute.Anonymous);
        Assert.NotEmpty(DeploymentChecks.ProbeProblems("probe", "/health/detailed", compose.SiloPort, report, compose.SiloPort));
    }

    [Fact]
    public void A_missing_an_extra_or_a_miscounted_topic_is_reported()
    {
        var created = compose.File.CreatedTopics();
        var first = created.Keys.Order(StringComparer.Ordinal).First();

        Assert.NotEmpty(DeploymentChecks.TopicProblems(created.Where(t => t.Key != first).ToDictionary(), compose.Report));
        Assert.NotEmpty(DeploymentChecks.TopicProblems(new Dictionary<string, int>(created) { ["supplygrid.unused"] = 1 }, compose.Report));
        Assert.NotEmpty(DeploymentChecks.TopicProblems(new Dictionary<string, int>(created) { [first] = created[first] + 1 }, compose.Report));
    }

    [Fact]
    public void A_reference_to_a_secret_key_the_template_lacks_is_reported()
    {
        var directory = Directory.CreateTempSubdirectory("supplygrid-manifests-");
        try
        {
            foreach (var file in Directory.GetFiles(DeploymentFiles.KubernetesDirectory, "*.yaml"))
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            var secret = Path.Combine(directory.FullName, "secret.template.yaml");
            File.WriteAllText(secret, File.ReadAllText(secret).Replace("jwt-signing-key:", "jwt-key:", StringComparison.Ordinal));
            var problems = new List<string>();

            KubernetesManifests.Load(directory.FullName, OperatorEnvironment.Variables).ContainerEnvironment(problems);

            Assert.Equal(["Api__Jwt__SigningKey: Secret 'supplygrid-silo' has no key 'jwt-signing-key'."], problems);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_variable_the_operator_did_not_set_stops_the_substitution_as_compose_does()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Interpolation.Resolve("${UNSET_VARIABLE:?set it}", new Dictionary<string, string>()));
        Assert.Contains("set it", error.Message, StringComparison.Ordinal);
        Assert.Equal("a$b-default", Interpolation.Resolve("a$$b-${UNSET_VARIABLE:-default}", new Dictionary<string, string>()));
    }
}
