using Orleans;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Streams;

/// <summary>
/// Where each consumed topic's records go, as grain calls: the driver-keyed topics to the driver grain of the record's
/// key, a booking to the cell of its pickup. A booking has no grain of its own: in Orleans each one would cost an
/// activation and a directory entry only to forward one call. The caller keeps at most one call in flight per grain
/// key, because Orleans does not keep two calls to one grain in the order they were made.
/// </summary>
public sealed class TopicRouter(IGrainFactory grains, CityDirectory cities, DomainMetrics metrics)
{
    private readonly KeyedGrains<IDriverGrain> _drivers = new(grains);
    private readonly KeyedGrains<ICellGrain> _cells = new(grains);

    /// <summary>The topics whose records the grid consumes.</summary>
    public static IReadOnlySet<string> ConsumedTopics { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Topics.DriverEvent,
        Topics.DispatchJob,
        Topics.UploadTrip,
        Topics.DriverRealPerformance,
        Topics.MessageReply,
        Topics.BookingCreated,
    };

    /// <summary>True when the grid consumes <paramref name="topic"/>.</summary>
    public bool Consumes(string topic) => ConsumedTopics.Contains(topic);

    /// <summary>
    /// The key of the grain <paramref name="record"/> (read from <paramref name="topic"/> with
    /// <paramref name="recordKey"/>) goes to, or null when it goes to none: a booking outside every configured city
    /// (counted as ignored).
    /// </summary>
    public string? GrainKey(string topic, string recordKey, object record)
    {
        if (record is not BookingCreated booking)
            return recordKey;
        if (cities.FindCell(booking.PickupLat, booking.PickupLng, out var cell) is not null)
            return cell.ToString();
        metrics.Ignored("booking_outside_cities");
        return null;
    }

    /// <summary>Hands <paramref name="record"/> to the grain with key <paramref name="grainKey"/> (from <see cref="GrainKey"/>).</summary>
    public Task Send(string grainKey, object record) => record switch
    {
        DriverEvent ping => Driver(grainKey).OnNextAsync(ping),
        DispatchJob job => Driver(grainKey).OnNextAsync(job),
        UploadTrip trip => Driver(grainKey).OnNextAsync(trip),
        DriverRealPerformance performance => Driver(grainKey).OnNextAsync(performance),
        MessageReply reply => Driver(grainKey).OnNextAsync(reply),
        BookingCreated booking => _cells.Get(grainKey).BookingCreated(new CellBooking(booking.BookingId, booking.Ts)),
        _ => throw new ArgumentException($"No grain consumes {record.GetType().Name} records.", nameof(record)),
    };

    private IDriverGrain Driver(string key) => _drivers.Get(key);
}
