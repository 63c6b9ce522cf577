using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using SupplyGrid.Api.Security;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Lockstep;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>
/// A real silo for API tests, wired as Silo/Program.cs wires the API: Kestrel on 127.0.0.1 with a free port, one
/// Orleans silo on localhost clustering (free ports) with the domain grains, memory storage and reminders, the grid's
/// timers and reminders on a <see cref="LockstepClock"/>, the product's record hand-over, and the API. Events go in
/// through that hand-over exactly as the Kafka pump delivers them, and POST /api/process-event uses it too.
/// </summary>
/// <remarks>
/// The API itself runs on the wall clock, as in the silo: it checks event times and history windows against it. So the
/// grid's clock starts an hour behind the wall clock, on a whole minute: the tests move it by minutes at most, so what
/// they date by the grid's clock stays in the past for the API, and well within the events' maximum age.
/// </remarks>
public sealed class ApiHost : IAsyncDisposable
{
    public const string City = "singapore";
    public const string SigningKey = "api-tests-signing-key-0123456789abcdef";

    /// <summary>How long one delivered record may take to be handled before the test fails.</summary>
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The grid's clock moves a second at a time: the city publishes every second, and a step fires each timer at most once.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static long s_eventIds;
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, LockstepClock clock, Uri baseAddress)
    {
        _app = app;
        Clock = clock;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The grid's clock (grain timers and reminders); the API runs on the wall clock.</summary>
    public LockstepClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IRecordDispatcher Dispatcher => Services.GetRequiredService<IRecordDispatcher>();

    /// <summary>The grid's time.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Settings every test host gets unless <see cref="StartAsync"/>'s settings override them.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Api:Jwt:SigningKey"] = SigningKey,
        ["Api:RateLimit:PermitsPerSecond"] = "100000",
        ["Api:RateLimit:Burst"] = "100000",
    };

    /// <summary>A new grid clock: an hour behind the wall clock, on a whole minute (see the remarks on <see cref="ApiHost"/>).</summary>
    public static LockstepClock NewClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new LockstepClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-1));
    }

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var clock = NewClock();
        var app = Build(settings, configureServices, clock);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiHost(app, clock, new Uri(address));
    }

    /// <summary>The silo's composition: the Orleans silo with the domain on <paramref name="clock"/>, the record hand-over, then the API.</summary>
    public static WebApplication Build(IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, LockstepClock clock)
    {
        var merged = DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            merged[key] = value;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(merged);
        builder.Logging.ClearProviders();
        var configuration = builder.Configuration;
        var (siloPort, gatewayPort) = FreePorts.Two();
        var clusterId = "api-tests-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, serviceId: clusterId, clusterId: clusterId)
            .AddSupplyGridDomain(configuration)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .UseLockstepClock(clock));
        // As Silo/Streams/GridStreamsRegistration.cs hands records over: by grain calls, one in flight per grain.
        builder.Services.AddSingleton<IRecordDispatcher>(sp =>
        {
            var router = sp.GetRequiredService<TopicRouter>();
            return new OrderedRecordDispatcher(router.Consumes, router.GrainKey, router.Send);
        });
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

    /// <summary>
    /// Delivers a record through the hand-over and waits until its grain handled it and the grid is quiet again (the
    /// one-way messages it set off, such as a driver entering its cell, have been handled too). Fails loudly otherwise.
    /// </summary>
    public async Task DeliverAsync<T>(string topic, string key, T item)
    {
        await Dispatcher.DeliverAsync(topic, key, item).WaitAsync(DeliveryTimeout);
        await QuietAsync();
    }

    /// <summary>Moves the grid's clock a second at a time, each step waiting until the timers it fired and everything they set off have finished.</summary>
    public Task AdvanceAsync(TimeSpan by) => Clock.AdvanceAsync(by, Step);

    /// <summary>Waits until no grain call, timer tick, reminder or deactivation is in flight; throws naming what still is after the clock's timeout.</summary>
    public Task QuietAsync() => Clock.WhenQuietAsync();

    /// <summary>Pings <paramref name="count"/> available drivers into the cell, returning their ids.</summary>
    public async Task<string[]> PlaceDriversAsync(string prefix, H3Index cell, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();
        foreach (var id in ids)
            await PingAsync(id, H3.CellToLatLng(cell));
        return ids;
    }

    public static string NextEventId() => "api-test-" + Interlocked.Increment(ref s_eventIds).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
