using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka.Tests.Grains;

/// <summary>A grain per stream key of the test topic's namespace.</summary>
public interface IRecordingGrain : IGrainWithStringKey;

/// <summary>A grain per stream key of the metered topic's namespace.</summary>
public interface IMeteredRecordingGrain : IGrainWithStringKey;

/// <summary>
/// Activated by the first record of its key; subscribes to its own stream and logs every event, except that it throws
/// on every attempt at a value starting with <see cref="TestRecords.FailPrefix"/>.
/// </summary>
public abstract class LoggingSubscriberGrain(DeliveryLog log, string streamNamespace) : Grain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(KafkaStreamSilo.ProviderName)
            .GetStream<string>(StreamId.Create(streamNamespace, key));
        await stream.SubscribeAsync((value, token) =>
        {
            if (value.StartsWith(TestRecords.FailPrefix, StringComparison.Ordinal))
            {
                log.RecordFailure(key);
                throw new InvalidOperationException($"the recording grain fails on '{value}'");
            }

            log.Record(key, value, token?.SequenceNumber ?? -1);
            return Task.CompletedTask;
        });
    }
}

[ImplicitStreamSubscription(KafkaStreamSilo.StreamNamespace)]
public sealed class RecordingGrain(DeliveryLog log) : LoggingSubscriberGrain(log, KafkaStreamSilo.StreamNamespace), IRecordingGrain;

[ImplicitStreamSubscription(KafkaStreamSilo.MeteredNamespace)]
public sealed class MeteredRecordingGrain(DeliveryLog log) : LoggingSubscriberGrain(log, KafkaStreamSilo.MeteredNamespace), IMeteredRecordingGrain;
