using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka.Tests.Grains;

/// <summary>A grain per stream key of the test topic's namespace.</summary>
public interface IRecordingGrain : IGrainWithStringKey;

/// <summary>Activated by the first record of its key; subscribes to its own stream and logs every event.</summary>
[ImplicitStreamSubscription(KafkaStreamSilo.StreamNamespace)]
public sealed class RecordingGrain(DeliveryLog log) : Grain, IRecordingGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(KafkaStreamSilo.ProviderName)
            .GetStream<string>(StreamId.Create(KafkaStreamSilo.StreamNamespace, key));
        await stream.SubscribeAsync((value, token) =>
        {
            log.Record(key, value, token?.SequenceNumber ?? -1);
            return Task.CompletedTask;
        });
    }
}
