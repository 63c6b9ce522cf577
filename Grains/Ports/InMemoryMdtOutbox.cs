using System.Collections.Concurrent;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Ports;

/// <summary>Keeps the most recent MDT messages in memory (tests, and the default run before the silo wires Kafka).</summary>
public sealed class InMemoryMdtOutbox(int capacity = InMemoryMdtOutbox.DefaultCapacity) : IMdtOutbox
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentQueue<MdtMessage> _messages = new();
    private long _sent;

    /// <summary>Messages accepted since start (also those no longer kept).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The kept messages, oldest first.</summary>
    public IReadOnlyList<MdtMessage> Messages => _messages.ToArray();

    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
        Interlocked.Increment(ref _sent);
        while (_messages.Count > capacity && _messages.TryDequeue(out _))
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Memory is as durable as this outbox gets: delivered once kept.</summary>
    public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) => SendAsync(message, cancellationToken);

    /// <summary>The kept messages to one driver, oldest first.</summary>
    public IReadOnlyList<MdtMessage> For(string driverId) => _messages.Where(m => m.DriverId == driverId).ToArray();
}
