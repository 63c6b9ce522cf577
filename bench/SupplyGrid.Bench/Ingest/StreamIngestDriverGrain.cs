using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>The ingest benchmark's grain for the stream provider: activated by its driver's first ping record.</summary>
public interface IStreamIngestDriverGrain : IGrainWithStringKey;

/// <summary>Subscribes to its own driver_event stream and keeps a <see cref="DriverTrack"/>, as the call-fed grain does.</summary>
[ImplicitStreamSubscription(StreamIngest.StreamNamespace)]
public sealed class StreamIngestDriverGrain : Grain, IStreamIngestDriverGrain
{
    private readonly DriverTrack _track = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamIngest.ProviderName)
            .GetStream<DriverEvent>(StreamId.Create(StreamIngest.StreamNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((ping, _) =>
        {
            IngestProgress.OnHandled(_track.Apply(ping));
            return Task.CompletedTask;
        });
    }
}
