using System.Collections.Concurrent;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>Remembers every report a dispatcher makes, in the order made.</summary>
internal sealed class RecordingObserver : IRecordDeliveryObserver
{
    private readonly ConcurrentQueue<DeliveryReport> _reports = new();

    public IReadOnlyList<DeliveryReport> Reports => [.. _reports];

    public int Count => _reports.Count;

    public void OnDelivered(object? state, Exception? error) => _reports.Enqueue(new DeliveryReport(state, error));

    public Task WaitForCountAsync(int count) => Wait.UntilAsync(() => Count >= count, $"{count} records are reported");
}

public sealed record DeliveryReport(object? State, Exception? Error);
