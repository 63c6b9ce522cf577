using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.Security;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// A silo process on PostgreSQL, fed by a Kafka broker that outlives it (hosted here), killed with SIGKILL in the middle
/// of a stream of arrivals of drivers who accepted reposition offers, and started again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashTests(PostgresFixture postgres, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Drivers = 24;
    private const string SigningKey = "silo-crash-test-signing-key-0123456789abcdef";
    private static readonly LatLng Tampines = new(1.3525, 103.9447);

    [Fact]
    public async Task After_a_SIGKILL_mid_stream_the_restarted_silo_pays_every_accepted_offer_exactly_once_and_spend_equals_the_ledger()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var broker = new EmbeddedKafkaBroker();
        foreach (var contract in new TopicContracts(TimeProvider.System, new EventValidationOptions()).All)
            broker.CreateTopic(contract.Topic, contract.DefaultPartitions);
        broker.CreateTopic(Topics.DeadLetter, 1);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Simulator:Enabled"] = "false",
            ["Api:Jwt:SigningKey"] = SigningKey,
            ["Api:RateLimit:Enabled"] = "false",
        };
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 1, Partitioner = Partitioner.Murmur2Random }).Build();
        var target = H3.LatLngToCell(new LatLng(Tampines.Lat, Tampines.Lng + 0.009), 8);
        var driverIds = Enumerable.Range(0, Drivers).Select(i => $"crash-{i:00}").ToArray();

        var first = SiloProcess.Start(settings);
        Dictionary<string, decimal> offers;
        long paidBeforeTheCrash;
        try
        {
            await first.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
            using var http = OperatorClient(first.BaseAddress);
            // Two minutes ago near Tampines, so that reaching the target a kilometre away now is a plausible drive.
            foreach (var driver in driverIds)
                await ProduceAsync(producer, Ping(driver, Tampines, DateTimeOffset.UtcNow.AddMinutes(-2)));
            offers = [];
            foreach (var driver in driverIds)
                offers[driver] = await OfferAndAcceptAsync(http, driver, target, first);

            // The arrivals stream in; the silo dies half way through.
            for (var i = 0; i < Drivers / 2; i++)
                await ArriveAsync(producer, driverIds[i], target);
            await Task.Delay(300);
            first.Kill();
            paidBeforeTheCrash = await CommitCountAsync(connectionString);
        }
        finally
        {
            first.Dispose();
        }

        for (var i = Drivers / 2; i < Drivers; i++)
            await ArriveAsync(producer, driverIds[i], target);

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        using var second = SiloProcess.Start(settings);
        await second.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => await CommitCountAsync(connectionString) >= Drivers,
            $"a commit for each of the {Drivers} accepted offers (silo output:\n{second.Output})", seconds: 45);

        output.WriteLine($"{paidBeforeTheCrash} of {Drivers} offers paid before the SIGKILL; all paid {restarted.Elapsed.TotalSeconds:0.0} s after the restart began");
        Assert.True(paidBeforeTheCrash < Drivers, "the crash came before every arrival was handled");
        var ledger = await LedgerAsync(connectionString);
        Assert.Equal(offers.Values.Order(), offers.Keys.Select(d => ledger.Single(e => e.Kind == "commit" && e.DriverId == d).Amount).Order());
        Assert.Equal(Drivers, ledger.Count(e => e.Kind == "commit"));
        using var secondHttp = OperatorClient(second.BaseAddress);
        foreach (var campaign in ledger.Select(e => e.CampaignId).Distinct())
        {
            using var metrics = await secondHttp.GetAsync($"/api/campaigns/{campaign}/metrics");
            var body = await metrics.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ledger.Where(e => e.CampaignId == campaign && e.Kind == "commit").Sum(e => e.Amount), body.GetProperty("spent").GetDecimal());
            Assert.Equal(0m, body.GetProperty("reserved").GetDecimal());
        }

        // The driver's terminal never hears of a second payment: at most one distinct incentive_paid message per offer.
        Dictionary<string, int> notices = [];
        await Eventually.TrueAsync(() =>
        {
            var paid = PaidMessages(broker.BootstrapServers);
            notices = driverIds.ToDictionary(d => d, d => paid.Where(m => m.DriverId == d).Select(m => m.MessageId).Distinct().Count());
            return notices.Values.All(n => n >= 1);
        }, "an incentive_paid message for every driver", seconds: 15);
        Assert.All(notices, n => Assert.True(n.Value == 1, $"{n.Key} got {n.Value} different incentive_paid messages"));
    }

    private static async Task<decimal> OfferAndAcceptAsync(HttpClient http, string driver, H3Index target, SiloProcess silo)
    {
        // The driver is known once its first ping went through Kafka into its grain.
        JsonElement offer = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync("/api/send-reposition", new { driver_id = driver, target_cell = target.ToString() });
            if (response.StatusCode == HttpStatusCode.NotFound)
                return false;
            Assert.True(response.IsSuccessStatusCode, $"send-reposition {driver}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{silo.Output}");
            offer = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, $"driver {driver} known to the grid");
        var offerId = offer.GetProperty("offer_id").GetString();
        using var accepted = await http.PostAsJsonAsync("/api/accept", new { driver_id = driver, offer_id = offerId, decision = "accept" });
        var body = await accepted.Content.ReadAsStringAsync();
        Assert.True(accepted.IsSuccessStatusCode && body.Contains("\"accepted\"", StringComparison.Ordinal), $"accept {driver}: {accepted.StatusCode} {body}");
        return offer.GetProperty("amount").GetDecimal();
    }

    private static Task ArriveAsync(IProducer<byte[], byte[]> producer, string driver, H3Index target) =>
        ProduceAsync(producer, Ping(driver, H3.CellToLatLng(target), DateTimeOffset.UtcNow));

    private static async Task ProduceAsync(IProducer<byte[], byte[]> producer, DriverEvent ping) =>
        await producer.ProduceAsync(Topics.DriverEvent, new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(ping.DriverId),
            Value = JsonSerializer.SerializeToUtf8Bytes(ping, SupplyGridJsonContext.Default.DriverEvent),
        });

    private static DriverEvent Ping(string driver, LatLng at, DateTimeOffset ts) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Ts = ts,
        DriverId = driver,
        VehicleId = "v-" + driver,
        Lat = at.Lat,
        Lng = at.Lng,
        SpeedKmh = 25,
        Status = DriverStatus.Available,
    };

    private static HttpClient OperatorClient(Uri silo)
    {
        var token = new ApiTokenIssuer(Options.Create(new ApiJwtOptions { SigningKey = SigningKey })).IssueOperatorToken(TimeSpan.FromHours(1));
        var http = new HttpClient { BaseAddress = silo, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static Task<long> CommitCountAsync(string connectionString) =>
        PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM driver_incentives WHERE kind = 'commit'");

    private static async Task<List<(string CampaignId, string OfferId, string Kind, string DriverId, decimal Amount)>> LedgerAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT campaign_id, offer_id, kind, driver_id, amount FROM driver_incentives", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string, decimal)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4)));
        return rows;
    }

    /// <summary>Every incentive_paid message the silos produced to the MDT topic.</summary>
    private static List<MdtMessage> PaidMessages(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "crash-test-reader",
            EnablePartitionEof = true,
            EnableAutoCommit = false,
        }).Build();
        var partitions = new TopicContracts(TimeProvider.System, new EventValidationOptions()).MessageSend.DefaultPartitions;
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(Topics.MessageSend, p, Offset.Beginning)));
        var messages = new List<MdtMessage>();
        var ended = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ended < partitions && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
                continue;
            if (result.IsPartitionEOF)
            {
                ended++;
                continue;
            }

            var message = JsonSerializer.Deserialize(result.Message.Value, SupplyGridJsonContext.Default.MdtMessage)!;
            if (message.Type == MdtMessageType.IncentivePaid)
                messages.Add(message);
        }

        Assert.Equal(partitions, ended);
        return messages;
    }
}
