namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// Stands in for the dead-letter producer: keeps every letter and acknowledges it at once (<see cref="AutoAcknowledge"/>),
/// or holds it until the test calls <see cref="Acknowledge"/> or <see cref="Fail"/>, as the broker's delivery report would.
/// </summary>
internal sealed class GatedDeadLetterSink : IKafkaDeadLetterSink
{
    private readonly Lock _gate = new();
    private readonly List<KafkaDeadLetter> _letters = [];
    private readonly Dictionary<long, TaskCompletionSource> _held = [];

    public bool AutoAcknowledge { get; init; }

    public IReadOnlyList<KafkaDeadLetter> Letters
    {
        get
        {
            lock (_gate)
                return [.. _letters];
        }
    }

    public Task WriteAsync(KafkaDeadLetter letter)
    {
        lock (_gate)
        {
            _letters.Add(letter);
            if (AutoAcknowledge)
                return Task.CompletedTask;
            // Continuations run inline in Acknowledge/Fail: the receiver has the outcome when they return.
            var write = new TaskCompletionSource();
            _held.Add(letter.SourceOffset, write);
            return write.Task;
        }
    }

    public void Acknowledge(long offset) => Take(offset).SetResult();

    public void Fail(long offset) => Take(offset).SetException(new ProduceException<byte[]?, byte[]?>(
        new Error(Confluent.Kafka.ErrorCode.Local_MsgTimedOut), new DeliveryResult<byte[]?, byte[]?>()));

    private TaskCompletionSource Take(long offset)
    {
        lock (_gate)
        {
            Assert.True(_held.Remove(offset, out var write), $"No dead letter of offset {offset} is waiting.");
            return write;
        }
    }
}
