namespace SupplyGrid.Api.Health;

/// <summary>
/// One way records reach the grains in this process, and how many it has taken and not yet handed over or seen handled
/// (the Kafka stream provider's cache, the API's own hand-over). The grid health check adds them up.
/// </summary>
public interface IPendingRecords
{
    long PendingRecords { get; }
}
