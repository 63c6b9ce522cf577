using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Orleans.Hosting;
using SupplyGrid.Api;
using SupplyGrid.Api.Dashboards;
using SupplyGrid.Api.Security;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.Hosting;
using SupplyGrid.Silo.OperatorDashboard;
using SupplyGrid.Silo.Storage;
using SupplyGrid.Silo.Streams;

namespace SupplyGrid.Dashboard.Tests.Hosting;

/// <summary>
/// A real silo web host on 127.0.0.1 and free ports, wired as Silo/Program.cs wires it: one Orleans silo on localhost
/// clustering with the domain grains, the silo's storage (memory grain storage and reminders, as no PostgreSQL is
/// configured) and Orleans' dashboard at /orleans/ behind the operator role; the embedded Kafka broker with the
/// driver_event topic handed to the grains as the silo hands it over; the HTTP API, both pages, and the MDT outbox
/// recorded for the feed. Cells recompute every second so the pages move quickly. Events go in through the record
/// dispatcher (exactly as the Kafka pump delivers them) or through the broker.
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public const string City = "singapore";

    private static long s_eventIds;
    private readonly WebApplication _app;
    private readonly IRecordDispatcher _dispatcher;

    private DashboardSilo(WebApplication app)
    {
        _app = app;
        _dispatcher = app.Services.GetRequiredService<IRecordDispatcher>();
        BaseUrl = app.Urls.Single();
        var tokens = app.Services.GetRequiredService<ApiTokenIssuer>();
        DashboardToken = tokens.Issue("dashboard-tests", [ApiRoles.Dashboard], TimeSpan.FromHours(1));
        OperatorToken = tokens.IssueOperatorToken(TimeSpan.FromHours(1));
    }

    /// <summary>Where the silo listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    /// <summary>A token with the dashboard role (reads; not the Orleans dashboard).</summary>
    public string DashboardToken { get; }

    /// <summary>A token with the operator role.</summary>
    public string OperatorToken { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public string KafkaBootstrap => Services.GetRequiredService<KafkaClusterConnection>().BootstrapServers;

    public static async Task<DashboardSilo> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var (siloPort, gatewayPort) = FreePorts.Two();
        // Only these settings: no appsettings.json copied from the silo, no environment variable of the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Set here, not with UseUrls before the sources are cleared (that setting would be cleared with them).
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            [$"{SiloClusterOptions.SectionName}:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{SiloClusterOptions.SectionName}:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{SiloClusterOptions.SectionName}:ClusterId"] = "dashboard-tests-" + Guid.NewGuid().ToString("N")[..8],
            [$"Cities:{City}:Cells:TickInterval"] = "00:00:01",
            [$"Cities:{City}:PublishInterval"] = "00:00:00.500",
            ["Api:Jwt:SigningKey"] = "dashboard-tests-signing-key-of-at-least-32-bytes",
            ["Api:RateLimit:Enabled"] = "false",
            ["OperatorDashboard:SampleInterval"] = "00:00:00.500",
            // Fewer partitions than the product's 8 for the topic the page test reads; the silo's other topics keep theirs.
            ["Kafka:Topics:0:Name"] = Topics.DriverEvent,
            ["Kafka:Topics:0:Partitions"] = "3",
            ["Kafka:GroupId"] = "dashboard-tests",
        });
        var configuration = builder.Configuration;
        builder.UseOrleans(silo => silo
            .UseSupplyGridCluster(configuration)
            .AddSupplyGridDomain(configuration)
            .AddGridStorage(configuration)
            .AddTopicStreams()
            .AddDashboard());
        var services = builder.Services;
        // The silo's own Kafka layer on its embedded broker: the topics through the stream provider, MDT messages to Kafka.
        services.AddGridStreams(configuration);
        services.AddSupplyGridApi(configuration);
        services.AddCityDashboard();
        services.AddOperatorDashboard();

        var app = builder.Build();
        app.MapSupplyGridApi();
        app.MapCityDashboard();
        app.MapOperatorDashboard();
        app.MapOrleansDashboard(routePrefix: OrleansDashboardCookie.Path).RequireAuthorization(DashboardAuthorization.OperatorPolicy);
        await app.StartAsync();
        return new DashboardSilo(app);
    }

    /// <summary>A GPS ping of an available driver at <paramref name="at"/>, handled by its grain before this returns.</summary>
    public Task PingAsync(string driverId, LatLng at) => DeliverAsync(Topics.DriverEvent, driverId, Ping(driverId, at));

    /// <summary>A booking picked up at <paramref name="pickup"/>, handled by its cell before this returns.</summary>
    public Task BookAsync(string bookingId, LatLng pickup) => DeliverAsync(Topics.BookingCreated, bookingId, new BookingCreated
    {
        EventId = NextEventId(),
        Ts = DateTimeOffset.UtcNow,
        BookingId = bookingId,
        BookingType = BookingType.Immediate,
        PickupLat = pickup.Lat,
        PickupLng = pickup.Lng,
        EstimatedFare = 18m,
        Currency = "SGD",
    });

    /// <summary>Produces driver pings (and any raw values) to the driver_event topic of the embedded broker.</summary>
    public async Task ProduceAsync(IEnumerable<(string Key, byte[] Value)> records)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = KafkaBootstrap, LingerMs = 2 }).Build();
        foreach (var (key, value) in records)
            await producer.ProduceAsync(Topics.DriverEvent, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value });
        producer.Flush(TimeSpan.FromSeconds(10));
    }

    public static byte[] PingJson(string driverId, LatLng at) => JsonSerializer.SerializeToUtf8Bytes(Ping(driverId, at), SupplyGridJsonContext.Default.DriverEvent);

    public static string CellOf(LatLng point) => H3.LatLngToCell(point, 8).ToString();

    private static DriverEvent Ping(string driverId, LatLng at) => new()
    {
        EventId = NextEventId(),
        Ts = DateTimeOffset.UtcNow,
        DriverId = driverId,
        VehicleId = "v-" + driverId,
        Lat = at.Lat,
        Lng = at.Lng,
        SpeedKmh = 18,
        Status = DriverStatus.Available,
    };

    private async Task DeliverAsync<T>(string topic, string key, T item)
    {
        await _dispatcher.DeliverAsync(topic, key, item).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static string NextEventId() => "dash-e" + Interlocked.Increment(ref s_eventIds);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
