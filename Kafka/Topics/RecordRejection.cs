namespace SupplyGrid.Kafka;

/// <summary>Why one record cannot reach its handler; allocated only for bad records.</summary>
/// <param name="Exception">The exception behind the rejection, when there is one (its type goes into the dead letter).</param>
public sealed record RecordRejection(DeadLetterReason Reason, string Message, Exception? Exception = null);
