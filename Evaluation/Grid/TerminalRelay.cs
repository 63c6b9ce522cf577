using System.Collections.Concurrent;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// The grid's MDT outbox in an evaluation: messages are held until the step's grain work is done, then handed to the
/// simulated drivers ordered by driver id. Driver grains write concurrently, so the outbox sees drivers in any order;
/// one driver's messages come from its one grain, in order, and a stable sort by driver keeps that order.
/// </summary>
public sealed class TerminalRelay : IMdtOutbox
{
    private readonly ConcurrentQueue<MdtMessage> _waiting = new();
    /// <summary>Messages handed over so far.</summary>
    public long Relayed { get; private set; }

    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        _waiting.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    /// <summary>As <see cref="SendAsync"/>: a message accepted here cannot be lost, it reaches its driver at the step's end.</summary>
    public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) => SendAsync(message, cancellationToken);

    /// <summary>
    /// Takes the waiting messages, ordered by driver id with each driver's messages in the order sent; call while
    /// the grid is quiet.
    /// </summary>
    public IReadOnlyList<MdtMessage> Drain()
    {
        if (_waiting.IsEmpty)
            return [];
        var batch = new List<MdtMessage>(_waiting.Count);
        while (_waiting.TryDequeue(out var message))
            batch.Add(message);
        // OrderBy is a stable sort (List.Sort is not).
        var ordered = batch.OrderBy(m => m.DriverId, StringComparer.Ordinal).ToArray();
        Relayed += ordered.Length;
        return ordered;
    }
}
