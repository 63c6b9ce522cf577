using System.Text.RegularExpressions;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Tests;

/// <summary>A silo started as in production (an external Kafka cluster) logs where to look, but no bearer token.</summary>
public sealed partial class ProductionStartTests
{
    [Fact]
    public async Task A_silo_on_an_external_cluster_logs_no_token_and_says_how_to_issue_one()
    {
        using var broker = new EmbeddedKafkaBroker();
        foreach (var contract in new TopicContracts(TimeProvider.System, new EventValidationOptions()).All)
            broker.CreateTopic(contract.Topic, contract.DefaultPartitions);
        broker.CreateTopic(Topics.DeadLetter, 1);
        using var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Simulator:Enabled"] = "false",
            ["Api:Jwt:SigningKey"] = "production-start-test-signing-key-0123456789",
        });

        await silo.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!silo.Output.Contains("SupplyGrid silo is up", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The silo never said where to look:\n{silo.Output}");
            await Task.Delay(100);
        }

        Assert.Contains("external Kafka cluster", silo.Output, StringComparison.Ordinal);
        Assert.Contains("issue-token --role operator", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(Jwt(), silo.Output);
        Assert.DoesNotContain("Operator token:", silo.Output, StringComparison.Ordinal);
    }

    // A compact JWS: base64url header (always starting {"alg" or {"typ", i.e. eyJ), payload and signature.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();
}
