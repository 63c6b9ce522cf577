using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>The driver grains' MDT outbox, produced to ngp.dcp.drivercomms.message_send keyed by driver id.</summary>
internal sealed class KafkaMdtOutbox(IKafkaOutbox<MdtMessage> outbox) : IMdtOutbox
{
    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(message.DriverId, message, cancellationToken);

    public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) =>
        new(outbox.DeliverAsync(message.DriverId, message, cancellationToken));
}
