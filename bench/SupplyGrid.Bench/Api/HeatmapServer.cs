using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SupplyGrid.Api;
using SupplyGrid.Api.Security;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.Api;

/// <summary>
/// The silo as the default run composes it (an Orleans silo with the domain, memory storage and in-memory reminders,
/// records handed to grains by the silo's record dispatcher, the API in the same web host), on loopback.
/// </summary>
internal sealed class HeatmapServer : IAsyncDisposable
{
    private const string City = "singapore";

    // The default city's bounds (Grains' Singapore defaults), less a margin: a point at the very edge may lie in a cell
    // whose centre is outside the city.
    private const double South = 1.16, North = 1.47, West = 103.61, East = 104.09;

    private readonly WebApplication _app;
    private readonly IRecordDispatcher _dispatcher;
    private readonly Random _random;
    private readonly List<(string Id, double Lat, double Lng)> _drivers = [];
    private long _eventIds;

    private HeatmapServer(WebApplication app, string baseAddress, int seed)
    {
        _app = app;
        _dispatcher = app.Services.GetRequiredService<IRecordDispatcher>();
        _random = new Random(seed);
        HeatmapUrl = $"{baseAddress}/api/heatmap/{City}";
        DashboardToken = app.Services.GetRequiredService<ApiTokenIssuer>().Issue("heatmap-bench", [ApiRoles.Dashboard], TimeSpan.FromHours(1));
    }

    public string HeatmapUrl { get; }

    public string DashboardToken { get; }

    public static async Task<HeatmapServer> StartAsync(int seed)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        BenchSilo.LogWarningsToStderr(builder.Logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Jwt:SigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            // One client sends every request: the per-client limit would measure the limiter, not the read.
            ["Api:RateLimit:Enabled"] = "false",
        });
        var configuration = builder.Configuration;
        var ports = SiloPorts.Free();
        builder.UseOrleans(silo => BenchSilo.Configure(silo, configuration, ports));
        builder.Services.AddSingleton<IRecordDispatcher>(BenchSilo.RecordDispatcher);
        builder.Services.AddSupplyGridApi(configuration);
        var app = builder.Build();
        app.MapSupplyGridApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HeatmapServer(app, address, seed);
    }

    /// <summary>
    /// Pings <paramref name="drivers"/> available drivers at random points of the city and creates
    /// <paramref name="bookings"/> bookings, then waits until the heatmap has stopped growing (cells report on their
    /// 5 s ticks). Returns the zones in it.
    /// </summary>
    public async Task<int> PopulateAsync(int drivers, int bookings)
    {
        var now = DateTimeOffset.UtcNow;
        var pending = new List<Task>(drivers + bookings);
        for (var i = 0; i < drivers; i++)
        {
            var (lat, lng) = RandomPoint();
            _drivers.Add(($"bench-driver-{i}", lat, lng));
            pending.Add(_dispatcher.DeliverAsync(Topics.DriverEvent, _drivers[i].Id, Ping(_drivers[i].Id, lat, lng, now)));
        }

        for (var i = 0; i < bookings; i++)
        {
            var (lat, lng) = RandomPoint();
            var id = $"bench-booking-{i}";
            pending.Add(_dispatcher.DeliverAsync(Topics.BookingCreated, id, new BookingCreated
            {
                EventId = NextEventId(),
                Ts = now,
                BookingId = id,
                BookingType = BookingType.Immediate,
                PickupLat = lat,
                PickupLng = lng,
                EstimatedFare = 15m,
                Currency = "SGD",
            }));
        }

        await Task.WhenAll(pending);
        var city = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICityGrain>(City);
        var zones = 0;
        for (var stable = 0; stable < 3;)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now2 = (await city.GetHeatmap()).Zones.Count;
            stable = now2 == zones && zones > 0 ? stable + 1 : 0;
            zones = now2;
        }

        return zones;
    }

    /// <summary>The sizes of the heatmap body the API serves now, plain and gzip-compressed.</summary>
    public async Task<(int Json, int Gzip)> ServedBodySizesAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardToken);
        var json = (await client.GetByteArrayAsync(HeatmapUrl)).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, HeatmapUrl);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);
        return (json, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    /// <summary>
    /// Moves random drivers a little, <paramref name="perSecond"/> pings a second, until disposed; disposing waits for
    /// the pings in flight, so none is cut off by the silo stopping.
    /// </summary>
    public IAsyncDisposable KeepPinging(double perSecond)
    {
        var stop = new CancellationTokenSource();
        var loop = perSecond > 0 ? Task.Run(() => PingLoopAsync(perSecond, stop.Token)) : Task.CompletedTask;
        return new PingLoop(stop, loop);
    }

    private async Task PingLoopAsync(double perSecond, CancellationToken stop)
    {
        const int ticksPerSecond = 10;
        var perTick = Math.Max(1, (int)Math.Round(perSecond / ticksPerSecond));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / ticksPerSecond));
        var random = new Random(_random.Next());
        var inFlight = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < perTick; i++)
                {
                    var index = random.Next(_drivers.Count);
                    var (id, lat, lng) = _drivers[index];
                    // About 100 m at a time, as a driver moving between pings.
                    lat = Math.Clamp(lat + (random.NextDouble() - 0.5) * 0.002, South, North);
                    lng = Math.Clamp(lng + (random.NextDouble() - 0.5) * 0.002, West, East);
                    _drivers[index] = (id, lat, lng);
                    inFlight.Add(_dispatcher.DeliverAsync(Topics.DriverEvent, id, Ping(id, lat, lng, now)));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(inFlight);
    }

    private (double Lat, double Lng) RandomPoint() =>
        (South + _random.NextDouble() * (North - South), West + _random.NextDouble() * (East - West));

    private DriverEvent Ping(string id, double lat, double lng, DateTimeOffset ts) => new()
    {
        EventId = NextEventId(),
        Ts = ts,
        DriverId = id,
        VehicleId = "v-" + id,
        Lat = lat,
        Lng = lng,
        SpeedKmh = 25,
        Status = SupplyGrid.Grains.Events.DriverStatus.Available,
    };

    private string NextEventId() => "bench-" + Interlocked.Increment(ref _eventIds);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class PingLoop(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
