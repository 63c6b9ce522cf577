using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Kafka;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>
/// One scenario on a grid, and the verbs scenarios speak: pings, bookings, replies and trips go in through the
/// record dispatcher exactly as the Kafka consumer hands them over; time moves only when the scenario moves it.
/// </summary>
internal sealed class DomainScenario(ScenarioGrid grid, bool ownsGrid) : IAsyncDisposable
{
    public const string City = "singapore";

    /// <summary>How long one record may take to be handled (wall-clock time) before the scenario fails.</summary>
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private static long s_eventIds;

    public ScenarioGrid Grid => grid;

    public IGrainFactory Grains => grid.Grains;

    public InMemoryMdtOutbox Outbox => grid.Ports.Outbox;

    public InMemoryCityChangeFeed Feed => grid.Ports.Feed;

    public InMemoryAnalyticsSink Analytics => grid.Ports.Analytics;

    public DateTimeOffset Now => grid.Clock.GetUtcNow();

    /// <summary>A scenario on a grid of its own, for settings no shared grid has.</summary>
    public static async Task<DomainScenario> StartAsync(IReadOnlyDictionary<string, string?> settings) =>
        new(await ScenarioGrid.StartAsync(settings), ownsGrid: true);

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

    /// <summary>
    /// Hands one record to the dispatcher, waits until it has been handled (failing with the handler's error), and then
    /// until what it set off has happened: a ping's one-way notes to cells race with the scenario's next question
    /// otherwise, as Orleans keeps no order between calls from different callers.
    /// </summary>
    public async Task DeliverAsync<T>(string topic, string key, T item)
    {
        await grid.Dispatcher.DeliverAsync(topic, key, item).WaitAsync(DeliveryTimeout);
        await QuiesceAsync();
    }

    /// <summary>Moves the clock in steps (5 s unless told), letting the grid finish what each step started.</summary>
    public Task AdvanceAsync(TimeSpan by, TimeSpan? step = null) => grid.Clock.AdvanceAsync(by, step ?? TimeSpan.FromSeconds(5));

    /// <summary>Waits until nothing is in flight (one-way messages, timer ticks); fails naming what is when the grid does not settle.</summary>
    public Task QuiesceAsync() => grid.Clock.WhenQuietAsync();

    public IReadOnlyList<MdtMessage> MessagesTo(string driverId) => Outbox.For(driverId);

    /// <summary>
    /// Deactivates every grain idle now, for the reason Orleans' idle collection gives (which runs on the wall clock,
    /// not on the scenario's), and waits until they are gone.
    /// </summary>
    public async Task CollectIdleGrainsAsync()
    {
        await QuiesceAsync();
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await QuiesceAsync();
    }

    /// <summary>True when <paramref name="grain"/> has an activation.</summary>
    public async Task<bool> IsActiveAsync(IAddressable grain)
    {
        var id = grain.GetGrainId();
        return (await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(g => g.GrainId == id);
    }

    /// <summary>A stored grain state, read through the silo's default grain storage.</summary>
    public async Task<IGrainState<T>> ReadStoredAsync<T>(string stateName, GrainId grainId)
    {
        var row = new GrainState<T>();
        await grid.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).ReadStateAsync(stateName, grainId, row);
        return row;
    }

    private static string NextEventId() => "e" + Interlocked.Increment(ref s_eventIds);

    /// <summary>A shared grid stays for the next scenario, which resets it; a grid of the scenario's own stops here.</summary>
    public ValueTask DisposeAsync() => ownsGrid ? grid.DisposeAsync() : ValueTask.CompletedTask;
}
