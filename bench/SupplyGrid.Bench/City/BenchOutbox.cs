using System.Collections.Concurrent;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Bench.City;

/// <summary>
/// The MDT outbox of the benchmark: counts messages and, for each reposition offer, queues the driver's reply for the
/// load generator (accepting at the brief's reported 68%), so offers run their whole lifecycle.
/// </summary>
internal sealed class BenchOutbox : IMdtOutbox
{
    public const double AcceptShare = 0.68;

    private long _offers;
    private long _messages;

    public ConcurrentQueue<PendingReply> Replies { get; } = new();

    public long Offers => Interlocked.Read(ref _offers);

    public long Messages => Interlocked.Read(ref _messages);

    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _messages);
        if (message.Type == MdtMessageType.RepositionOffer && message.Payload is { CentreLat: { } lat, CentreLng: { } lng })
        {
            Interlocked.Increment(ref _offers);
            var accept = (uint)message.MessageId.GetHashCode() % 100 < AcceptShare * 100;
            Replies.Enqueue(new PendingReply(message.DriverId, message.MessageId, accept, message.Ts, lat, lng));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) => SendAsync(message, cancellationToken);
}

/// <summary>An offer waiting for the simulated driver's answer.</summary>
internal readonly record struct PendingReply(string DriverId, string MessageId, bool Accept, DateTimeOffset OfferedAt, double TargetLat, double TargetLng);
