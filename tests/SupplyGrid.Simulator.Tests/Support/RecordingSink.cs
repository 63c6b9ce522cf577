using System.Text.Json;
using SupplyGrid.Grains.Events;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests;

/// <summary>Keeps every event the engine publishes, in order.</summary>
internal sealed class RecordingSink : ISimulationSink
{
    public List<ITopicRecord> All { get; } = [];

    public List<DriverEvent> Pings { get; } = [];

    public IEnumerable<T> Of<T>() => All.OfType<T>();

    public void Publish(DriverEvent record)
    {
        All.Add(record);
        Pings.Add(record);
    }

    public void Publish(VehicleEvent record) => All.Add(record);

    public void Publish(BookingCreated record) => All.Add(record);

    public void Publish(DispatchJob record) => All.Add(record);

    public void Publish(UploadTrip record) => All.Add(record);

    public void Publish(DriverRealPerformance record) => All.Add(record);

    public void Publish(MessageReply record) => All.Add(record);

    /// <summary>Every event as one JSON line with its type, for comparing two runs exactly.</summary>
    public IEnumerable<string> AsJsonLines() =>
        All.Select(e => e.GetType().Name + " " + JsonSerializer.Serialize(e, e.GetType()));
}
