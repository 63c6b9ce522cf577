using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Ports;

/// <summary>
/// Where driver grains put MDT messages for the in-vehicle terminals. The silo's implementation produces them to
/// ngp.dcp.drivercomms.message_send keyed by driver id; tests and the default run keep them in memory. The same
/// offer event always yields the same message id, so the implementation may de-duplicate by it.
/// </summary>
public interface IMdtOutbox
{
    /// <summary>Hands the message over; completes when the outbox has accepted it (not necessarily delivered).</summary>
    ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands the message over and completes only once it is durable where the terminals read it (the silo: acknowledged
    /// by the Kafka brokers); throws when it could not be. A grain that must not lose a message records it as told only
    /// after this completes, and sends it again under the same message id until then.
    /// </summary>
    ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default);
}
