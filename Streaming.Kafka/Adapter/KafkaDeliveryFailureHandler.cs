using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// What Orleans' pulling agent calls when a subscriber has failed on a record for longer than its
/// <c>MaxEventDeliveryTime</c> (<see cref="KafkaStreamOptions.DeliveryTimeLimit"/>): the queue's receiver dead-letters
/// the record whole, then the agent moves the stream on. It only gets the sequence token, which is the record's offset.
/// Subscriptions are never faulted: the provider's subscriptions are implicit, and Orleans does not fault those anyway.
/// </summary>
internal sealed class KafkaDeliveryFailureHandler(Func<KafkaQueueAdapterReceiver?> receiver, ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        sequenceToken is not null && receiver() is { } current
            ? current.DeadLetterUndeliveredAsync(sequenceToken.SequenceNumber, streamIdentity, $"subscription {subscriptionId}")
            : Task.CompletedTask;

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        // No record is lost here: the subscription's handshake failed, and the agent retries it.
        Log.SubscriptionFailed(logger, subscriptionId.ToString(), streamIdentity, sequenceToken?.ToString());
        return Task.CompletedTask;
    }
}
