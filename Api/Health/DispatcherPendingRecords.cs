using SupplyGrid.Kafka;

namespace SupplyGrid.Api.Health;

/// <summary>The records the API's hand-over (POST /api/process-event) has queued or in a grain call.</summary>
internal sealed class DispatcherPendingRecords(IRecordDispatcher dispatcher) : IPendingRecords
{
    public long PendingRecords => dispatcher.PendingMessages;
}
