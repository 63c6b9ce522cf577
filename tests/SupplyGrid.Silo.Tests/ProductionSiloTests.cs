using System.Text.RegularExpressions;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// The silo process started as in production: an external Kafka cluster (a broker hosted here, with the grid's topics),
/// no simulated city. One process for the class.
/// </summary>
public sealed partial class ProductionSiloTests(ProductionSiloTests.Process silo) : IClassFixture<ProductionSiloTests.Process>
{
    [Fact]
    public async Task It_logs_no_token_and_says_how_to_issue_one()
    {
        await Eventually.TrueAsync(() => silo.Silo.Output.Contains("SupplyGrid silo is up", StringComparison.Ordinal), "the silo to say where to look", 30);

        var output = silo.Silo.Output;
        Assert.Contains("external Kafka cluster", output, StringComparison.Ordinal);
        Assert.Contains("issue-token --role operator", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(Jwt(), output);
        Assert.DoesNotContain("Operator token:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_exports_orleans_and_the_grids_meters_for_prometheus_at_metrics()
    {
        using var http = new HttpClient { BaseAddress = silo.Silo.BaseAddress };
        // Orleans' runtime; the provider's lag per partition (reported once a receiver knows its position: here, once it
        // has found its empty partition's end); the HTTP requests of this test (recorded once answered).
        string[] expected =
        [
            @"(?m)^orleans_\w+",
            @"(?m)^supplygrid_streaming_kafka_consumer_lag\{[^}]*topic=""ngp\.me\.vehiclecomm\.driver_event""",
            @"(?m)^http_server_request_duration_seconds_bucket\{",
        ];
        var text = "";
        await Eventually.TrueAsync(async () =>
        {
            using var response = await http.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            return expected.All(pattern => Regex.IsMatch(text, pattern));
        }, "/metrics to export Orleans' meters, the provider's lag and the HTTP requests", 30);
    }

    // A compact JWS: base64url header (always starting {"alg" or {"typ", i.e. eyJ), payload and signature.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    public sealed class Process : IAsyncLifetime
    {
        private readonly EmbeddedKafkaBroker _broker = new();
        private SiloProcess? _silo;

        internal SiloProcess Silo => _silo ?? throw new InvalidOperationException("not started");

        public async Task InitializeAsync()
        {
            foreach (var contract in new TopicContracts(TimeProvider.System, new EventValidationOptions()).All)
                _broker.CreateTopic(contract.Topic, contract.DefaultPartitions);
            _broker.CreateTopic(Topics.DeadLetter, 1);
            _silo = SiloProcess.Start(new Dictionary<string, string>
            {
                ["Kafka:BootstrapServers"] = _broker.BootstrapServers,
                ["Simulator:Enabled"] = "false",
                ["Api:Jwt:SigningKey"] = "production-silo-test-signing-key-0123456789",
            });
            await _silo.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
        }

        public async Task DisposeAsync()
        {
            _silo?.Dispose();
            await _broker.DisposeAsync();
        }
    }
}
