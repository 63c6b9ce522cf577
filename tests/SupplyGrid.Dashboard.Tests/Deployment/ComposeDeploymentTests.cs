using Npgsql;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>The compose file, and the silo started (hollowed) with the silo service's environment; once for the class.</summary>
public sealed class ComposeDeployment
{
    internal ComposeFile File { get; } = ComposeFile.Load(DeploymentFiles.ComposeFile, OperatorEnvironment.Variables);

    internal IReadOnlyDictionary<string, string> Settings { get; }

    internal SiloStartReport Report { get; }

    internal int SiloPort { get; }

    public ComposeDeployment()
    {
        Settings = EnvironmentVariables.ToSettings(File.Environment(ComposeFile.SiloService));
        Report = SiloStartProbe.Start(Settings);
        SiloPort = File.PublishedContainerPorts(ComposeFile.SiloService).Single();
    }
}

public sealed class ComposeDeploymentTests(ComposeDeployment compose) : IClassFixture<ComposeDeployment>
{
    [Fact]
    public void Every_environment_variable_of_the_silo_is_a_key_the_silo_reads() =>
        Assert.Empty(DeploymentChecks.UnreadSettings(compose.Settings, compose.Report));

    [Fact]
    public void The_silo_passes_its_start_validation_with_the_compose_settings() =>
        Assert.Empty(DeploymentChecks.StartProblems(compose.Report));

    [Fact]
    public void The_silo_listens_on_every_interface_on_the_published_port() =>
        Assert.Empty(DeploymentChecks.ListenProblems(compose.Report, compose.SiloPort));

    [Fact]
    public void The_healthcheck_requests_an_anonymous_health_route_on_the_silo_port()
    {
        var url = compose.File.HealthcheckUrl(ComposeFile.SiloService);
        Assert.Empty(DeploymentChecks.ProbeProblems("healthcheck", url.AbsolutePath, url.Port, compose.Report, compose.SiloPort));
    }

    [Fact]
    public void The_topics_created_are_the_silos_topics_with_the_products_partition_counts() =>
        Assert.Empty(DeploymentChecks.TopicProblems(compose.File.CreatedTopics(), compose.Report));

    [Fact]
    public void The_silo_connects_to_the_compose_kafka_and_postgres_with_the_databases_own_credentials()
    {
        // Unset, these keys would mean the embedded broker and memory storage: here they must name the compose services.
        var kafkaHost = compose.Settings["Kafka:BootstrapServers"].Split(':')[0];
        Assert.Contains(kafkaHost, compose.File.ServiceNames);
        var connection = new NpgsqlConnectionStringBuilder(compose.Settings["ConnectionStrings:Postgres"]);
        Assert.Contains(connection.Host, compose.File.ServiceNames);
        var database = compose.File.Environment(connection.Host!).ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(database["POSTGRES_DB"], connection.Database);
        Assert.Equal(database["POSTGRES_USER"], connection.Username);
        Assert.Equal(database["POSTGRES_PASSWORD"], connection.Password);
    }
}
