namespace SupplyGrid.Kafka;

/// <summary>
/// Thrown by a topic's decoder when a record value cannot become an event, so the stream layer dead-letters it with
/// its own reason instead of as a failed handler.
/// </summary>
internal sealed class RecordRejectedException(RecordRejection rejection) : Exception(rejection.Message, rejection.Exception)
{
    public RecordRejection Rejection { get; } = rejection;
}
