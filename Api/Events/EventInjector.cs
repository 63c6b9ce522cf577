using System.Diagnostics.CodeAnalysis;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Api.Events;

/// <summary>
/// Injects one topic record the way the Kafka pump does: read and validated by the topic's contract, keyed by the
/// contract's key field, and handed to the same grains through the record dispatcher the Kafka consumer uses. Only the
/// topics the grid consumes are accepted.
/// </summary>
internal sealed class EventInjector
{
    private readonly IRecordDispatcher _dispatcher;
    private readonly Dictionary<string, Func<ReadOnlyMemory<byte>, ReadResult>> _readers = new(StringComparer.Ordinal);

    public EventInjector(TopicContracts contracts, IRecordDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        Add(contracts.DriverEvent);
        Add(contracts.VehicleEvent);
        Add(contracts.BookingCreated);
        Add(contracts.DispatchJob);
        Add(contracts.UploadTrip);
        Add(contracts.DriverRealPerformance);
        Add(contracts.MessageReply);
    }

    /// <summary>The topics accepted, in contract order.</summary>
    public IReadOnlyCollection<string> Topics => _readers.Keys;

    public bool Accepts(string topic) => _readers.ContainsKey(topic);

    /// <summary>True when some grain class handles the topic's records.</summary>
    public bool IsHandled(string topic) => _dispatcher.IsSubscribed(topic);

    /// <summary>Parses and validates a record value of an accepted topic.</summary>
    /// <param name="error">Why not: "invalid JSON: ..." or "invalid record: field ...".</param>
    public bool TryRead(string topic, ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out PreparedEvent? prepared, [NotNullWhen(false)] out string? error)
    {
        var result = _readers[topic](utf8Json);
        prepared = result.Event;
        error = result.Error;
        return prepared is not null;
    }

    /// <summary>Completes when every grain subscribed to the topic has handled the record; fails with the grain's error.</summary>
    public Task DeliverAsync(PreparedEvent prepared) => prepared.DeliverAsync(_dispatcher);

    private void Add<T>(TopicContract<T> contract)
        where T : class, ITopicRecord =>
        _readers[contract.Topic] = json => contract.TryRead(json.Span, out var record, out var error)
            ? new ReadResult(new PreparedEvent<T>(contract.Topic, contract.KeyOf(record), record), null)
            : new ReadResult(null, error);

    private readonly record struct ReadResult(PreparedEvent? Event, string? Error);
}

/// <summary>A validated record with its topic and key, ready to deliver.</summary>
internal abstract class PreparedEvent(string topic, string key)
{
    public string Topic { get; } = topic;

    public string Key { get; } = key;

    public abstract Task DeliverAsync(IRecordDispatcher dispatcher);
}

internal sealed class PreparedEvent<T>(string topic, string key, T record) : PreparedEvent(topic, key)
{
    public override Task DeliverAsync(IRecordDispatcher dispatcher) => dispatcher.DeliverAsync(Topic, Key, record);
}
