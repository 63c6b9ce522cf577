using Orleans;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Bench.Ingest;

/// <summary>The ingest benchmark's grain for the consumer loop: one driver's live state, updated from every ping call.</summary>
public interface IIngestDriverGrain : IGrainWithStringKey
{
    Task OnNext(DriverEvent ping);
}

/// <summary>Keeps a <see cref="DriverTrack"/>; late or replayed pings are ignored, so redelivery is harmless.</summary>
public sealed class IngestDriverGrain : Grain, IIngestDriverGrain
{
    private readonly DriverTrack _track = new();

    public Task OnNext(DriverEvent ping)
    {
        IngestProgress.OnHandled(_track.Apply(ping));
        return Task.CompletedTask;
    }
}
