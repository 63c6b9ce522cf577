using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupplyGrid.Api.Security;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Kafka;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>
/// A real silo for API tests: Kestrel on 127.0.0.1 with a free port, the grid with the domain grains, memory storage
/// and in-memory ports, the API as the silo maps it, and a manual grid clock. Events go in through the stream
/// dispatcher exactly as the Kafka pump delivers them.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string City = "singapore";
    public const string SigningKey = "api-tests-signing-key-0123456789abcdef";

    private static long s_eventIds;
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, ManualTimeProvider time, Uri baseAddress)
    {
        _app = app;
        Time = time;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ManualTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IRecordDispatcher Dispatcher => Services.GetRequiredService<IRecordDispatcher>();

    public IMdtOutbox Outbox => Services.GetRequiredService<IMdtOutbox>();

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Settings every test host gets unless <paramref name="settings"/> overrides them.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Api:Jwt:SigningKey"] = SigningKey,
        ["Api:RateLimit:PermitsPerSecond"] = "100000",
        ["Api:RateLimit:Burst"] = "100000",
    };

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = Build(settings, configureServices, out var time);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiHost(app, time, new Uri(address));
    }

    /// <summary>The silo's composition: grid with the domain, then the API.</summary>
    public static WebApplication Build(IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, out ManualTimeProvider time)
    {
        var merged = DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            merged[key] = value;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(merged);
        builder.Logging.ClearProviders();
        time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        var configuration = builder.Configuration;
        builder.Services.AddGrid(grid => grid.AddMemoryGrainStorage().AddSupplyGridDomain(configuration));
        builder.Services.AddSupplyGridApi(configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSupplyGridApi();
        return app;
    }

    public string Token(params string[] roles) =>
        Services.GetRequiredService<ApiTokenIssuer>().Issue("test-" + string.Join('-', roles), roles, TimeSpan.FromHours(1));

    /// <summary>A client with a bearer token for <paramref name="roles"/>, or none when no role is given.</summary>
    public HttpClient Client(params string[] roles)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (roles.Length > 0)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(roles));
        return client;
    }

    public HttpClient Operator() => Client(ApiRoles.Operator);

    public HttpClient Dashboard() => Client(ApiRoles.Dashboard);

    public HttpClient Dispatch() => Client(ApiRoles.Dispatch);

    public static DriverEvent Ping(string driverId, LatLng at, DateTimeOffset ts, DriverStatus status = DriverStatus.Available) => new()
    {
        EventId = NextEventId(),
        Ts = ts,
        DriverId = driverId,
        VehicleId = "v-" + driverId,
        Lat = at.Lat,
        Lng = at.Lng,
        SpeedKmh = 20,
        Status = status,
    };

    public Task PingAsync(string driverId, LatLng at, DriverStatus status = DriverStatus.Available) =>
        DeliverAsync(Topics.DriverEvent, driverId, Ping(driverId, at, Now, status));

    public Task BookAsync(string bookingId, LatLng pickup) =>
        DeliverAsync(Topics.BookingCreated, bookingId, new BookingCreated
        {
            EventId = NextEventId(),
            Ts = Now,
            BookingId = bookingId,
            BookingType = BookingType.Immediate,
            PickupLat = pickup.Lat,
            PickupLng = pickup.Lng,
            EstimatedFare = 15m,
            Currency = "SGD",
        });

    /// <summary>Delivers a record to its grains and waits until they handled it.</summary>
    public async Task DeliverAsync<T>(string topic, string key, T item)
    {
        await Dispatcher.DeliverAsync(topic, key, item).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Moves the grid's clock in one-second steps, letting timers and the messages they start finish.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            Time.Advance(step < by - moved ? step : by - moved);
            await QuiesceAsync();
        }
    }

    /// <summary>
    /// Moves the grid's clock a second at a time, every few milliseconds, until disposed: for waiting on something that
    /// takes timers firing in turn (a cell's tick, then the city's publication), however late a loaded machine runs them.
    /// </summary>
    public IAsyncDisposable KeepTicking()
    {
        var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await AdvanceAsync(TimeSpan.FromSeconds(1));
                await Task.Delay(20);
            }
        });
        return new Ticking(stop, ticking);
    }

    /// <summary>Waits until every grain message sent so far has finished (see <see cref="GridQuiescence"/>).</summary>
    public Task QuiesceAsync() => Services.GetRequiredService<IGridMonitor>().WhenQuietAsync();

    /// <summary>Pings <paramref name="count"/> available drivers into the cell, returning their ids.</summary>
    public async Task<string[]> PlaceDriversAsync(string prefix, H3Index cell, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();
        foreach (var id in ids)
            await PingAsync(id, H3.CellToLatLng(cell));
        return ids;
    }

    public static string NextEventId() => "api-test-" + Interlocked.Increment(ref s_eventIds);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Ticking(CancellationTokenSource stop, Task ticking) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await ticking;
            stop.Dispose();
        }
    }
}
