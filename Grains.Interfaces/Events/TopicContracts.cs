using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// The contract of every typed topic: record type, key, JSON metadata and validator. One instance per grid, built
/// from the grid's clock and the validation options; it holds no other state and is safe to share across threads.
/// </summary>
public sealed class TopicContracts
{
    private readonly Dictionary<string, TopicContract> _byTopic;

    /// <param name="time">The clock event times are checked against (the grid's, or a test's).</param>
    /// <param name="options">The validation bounds; copied, so later changes to the object have no effect.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TopicContracts(TimeProvider time, EventValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = options with { };
        var json = SupplyGridJsonContext.Default;

        DriverEvent = new(Topics.DriverEvent, "driver_id", r => r.DriverId, json.DriverEvent, time, options, writtenByGrid: false);
        VehicleEvent = new(Topics.VehicleEvent, "vehicle_id", r => r.VehicleId, json.VehicleEvent, time, options, writtenByGrid: false);
        BookingCreated = new(Topics.BookingCreated, "booking_id", r => r.BookingId, json.BookingCreated, time, options, writtenByGrid: false);
        DispatchJob = new(Topics.DispatchJob, "driver_id", r => r.DriverId, json.DispatchJob, time, options, writtenByGrid: false);
        UploadTrip = new(Topics.UploadTrip, "driver_id", r => r.DriverId, json.UploadTrip, time, options, writtenByGrid: false);
        DriverRealPerformance = new(Topics.DriverRealPerformance, "driver_id", r => r.DriverId, json.DriverRealPerformance, time, options, writtenByGrid: false);
        MessageReply = new(Topics.MessageReply, "driver_id", r => r.DriverId, json.MessageReply, time, options, writtenByGrid: false);
        MessageSend = new(Topics.MessageSend, "driver_id", r => r.DriverId, json.MdtMessage, time, options, writtenByGrid: true);

        All = [DriverEvent, VehicleEvent, BookingCreated, DispatchJob, UploadTrip, DriverRealPerformance, MessageReply, MessageSend];
        _byTopic = All.ToDictionary(c => c.Topic, StringComparer.Ordinal);
    }

    public TopicContract<DriverEvent> DriverEvent { get; }

    public TopicContract<VehicleEvent> VehicleEvent { get; }

    public TopicContract<BookingCreated> BookingCreated { get; }

    public TopicContract<DispatchJob> DispatchJob { get; }

    public TopicContract<UploadTrip> UploadTrip { get; }

    public TopicContract<DriverRealPerformance> DriverRealPerformance { get; }

    public TopicContract<MessageReply> MessageReply { get; }

    /// <summary>The grid's output: MDT messages to drivers.</summary>
    public TopicContract<MdtMessage> MessageSend { get; }

    /// <summary>Every typed topic: the seven inputs, then message_send. The dead-letter topic carries raw bytes and has none.</summary>
    public IReadOnlyList<TopicContract> All { get; }

    /// <summary>The contract of <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is not a typed topic of the grid.</exception>
    public TopicContract Get(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return _byTopic.TryGetValue(topic, out var contract)
            ? contract
            : throw new ArgumentException($"'{topic}' is not a typed topic of the grid; known: {string.Join(", ", _byTopic.Keys)}.", nameof(topic));
    }
}
