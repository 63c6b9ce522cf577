using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Runtime;
using SupplyGrid.Kafka;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>
/// A test silo with the domain grains, in-memory ports and the manual clock, and the verbs scenarios speak: pings,
/// bookings, replies and trips go in through the stream dispatcher exactly as the Kafka pump delivers them.
/// </summary>
internal sealed class DomainScenario : IAsyncDisposable
{
    public const string City = "singapore";

    private static long s_eventIds;

    private DomainScenario(GridTestHost host) => Host = host;

    public GridTestHost Host { get; }

    /// <summary>The current silo's dispatcher (a restart builds a new silo).</summary>
    private IRecordDispatcher Dispatcher => Host.Services.GetRequiredService<IRecordDispatcher>();

    public IGrainFactory Grains => Host.GrainFactory;

    public InMemoryMdtOutbox Outbox => (InMemoryMdtOutbox)Host.Services.GetRequiredService<IMdtOutbox>();

    public InMemoryCityChangeFeed Feed => (InMemoryCityChangeFeed)Host.Services.GetRequiredService<ICityChangeFeed>();

    public InMemoryAnalyticsSink Analytics => (InMemoryAnalyticsSink)Host.Services.GetRequiredService<IAnalyticsSink>();

    public DateTimeOffset Now => Host.Time.GetUtcNow();

    public static async Task<DomainScenario> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var host = await GridTestHost.StartAsync(
            grid => grid.AddSupplyGridDomain(configuration),
            services => services.AddSingleton<IAnalyticsSink, InMemoryAnalyticsSink>());
        return new DomainScenario(host);
    }

    public IDriverGrain Driver(string id) => Grains.GetGrain<IDriverGrain>(id);

    public ICellGrain Cell(H3Index cell) => Grains.GetGrain<ICellGrain>(cell.ToString());

    public ICityGrain CityGrain => Grains.GetGrain<ICityGrain>(City);

    public ICampaignGrain Pool => Grains.GetGrain<ICampaignGrain>($"{City}-reposition");

    public Task PingAsync(string driverId, LatLng at, DriverStatus status = DriverStatus.Available, DateTimeOffset? ts = null) =>
        DeliverAsync(Topics.DriverEvent, driverId, Ping(driverId, at, status, ts ?? Now));

    public static DriverEvent Ping(string driverId, LatLng at, DriverStatus status, DateTimeOffset ts) => new()
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

    public Task BookAsync(string bookingId, LatLng pickup, DateTimeOffset? ts = null) =>
        DeliverAsync(Topics.BookingCreated, bookingId, Booking(bookingId, pickup, ts ?? Now));

    public static BookingCreated Booking(string bookingId, LatLng pickup, DateTimeOffset ts) => new()
    {
        EventId = NextEventId(),
        Ts = ts,
        BookingId = bookingId,
        BookingType = BookingType.Immediate,
        PickupLat = pickup.Lat,
        PickupLng = pickup.Lng,
        EstimatedFare = 15m,
        Currency = "SGD",
    };

    public Task ReplyAsync(string driverId, string messageId, ReplyDecision decision, string? reason = null) =>
        DeliverAsync(Topics.MessageReply, driverId, new MessageReply
        {
            EventId = NextEventId(),
            Ts = Now,
            MessageId = messageId,
            DriverId = driverId,
            Decision = decision,
            Reason = reason,
        });

    /// <summary>Delivers one record to the subscribed grains and waits until its turn has finished (failing with its error).</summary>
    public async Task DeliverAsync<T>(string topic, string key, T item)
    {
        await Dispatcher.DeliverAsync(topic, key, item).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Moves the clock in steps, letting the grains finish what each step started (timers, one-way messages).</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromSeconds(5);
        for (var moved = TimeSpan.Zero; moved < by; moved += size)
        {
            Host.Time.Advance(size < by - moved ? size : by - moved);
            await QuiesceAsync();
        }
    }

    /// <summary>Waits until every grain message sent so far has finished (see <see cref="GridQuiescence"/>).</summary>
    public Task QuiesceAsync() => Host.Monitor.WhenQuietAsync();

    public IReadOnlyList<MdtMessage> MessagesTo(string driverId) => Outbox.For(driverId);

    public static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition())
                return;
            await Task.Delay(10);
        }

        throw new TimeoutException($"Gave up waiting for: {what}");
    }

    private static string NextEventId() => "e" + Interlocked.Increment(ref s_eventIds);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
