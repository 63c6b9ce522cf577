namespace SupplyGrid.Kafka;

/// <summary>A record that could not be handled, with where it came from and why.</summary>
/// <param name="Key">The original key bytes (null when the record had none).</param>
/// <param name="Value">The original value bytes.</param>
/// <param name="ExceptionType">Full name of the exception behind the failure, when there is one.</param>
public sealed record DeadLetter(
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string ConsumerGroup,
    DeadLetterReason Reason,
    string ErrorMessage,
    string? ExceptionType,
    byte[]? Key,
    ReadOnlyMemory<byte> Value,
    DateTimeOffset FailedAt);
