using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>
/// Writes dead letters to <c>Kafka:DeadLetterTopic</c>: original key and value, <see cref="DeadLetterHeaders"/>
/// naming the source and the failure. A failed write is retried (with a growing pause) until it succeeds or the
/// writer is disposed; the source record is committed only after its letter is written.
/// </summary>
public sealed class KafkaDeadLetterWriter : IDeadLetterSink, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly KafkaProducer _producer;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();

    public KafkaDeadLetterWriter(KafkaProducer producer, IOptions<KafkaOptions> options, ILogger<KafkaDeadLetterWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _producer = producer;
        _topic = options.Value.DeadLetterTopic;
        _logger = logger;
    }

    public void Write(DeadLetter letter, Action onWritten)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(onWritten);
        _logger.LogWarning(
            "Dead-lettering {Topic}[{Partition}]@{Offset}: {Reason}: {Error}",
            letter.SourceTopic, letter.SourcePartition, letter.SourceOffset, letter.Reason.WireName(), letter.ErrorMessage);
        Send(letter, onWritten, attempt: 1);
    }

    public void Dispose() => _disposed.Cancel();

    private void Send(DeadLetter letter, Action onWritten, int attempt)
    {
        if (_disposed.IsCancellationRequested)
            return;
        var message = new Message<byte[]?, byte[]?>
        {
            Key = letter.Key,
            Value = letter.Value.ToArray(),
            Headers = DeadLetterHeaders.For(letter),
        };
        try
        {
            _producer.Produce(_topic, message, report =>
            {
                if (report.Error.IsError)
                    Retry(letter, onWritten, attempt, report.Error.Reason);
                else
                    onWritten();
            });
        }
        catch (Exception e) when (e is KafkaException or ObjectDisposedException)
        {
            Retry(letter, onWritten, attempt, e.Message);
        }
    }

    private void Retry(DeadLetter letter, Action onWritten, int attempt, string error)
    {
        if (_disposed.IsCancellationRequested)
            return;
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempt - 1, 16)));
        _logger.LogError(
            "Dead letter for {Topic}[{Partition}]@{Offset} not written (attempt {Attempt}): {Error}; retrying in {Delay}",
            letter.SourceTopic, letter.SourcePartition, letter.SourceOffset, attempt, error, delay);
        _ = Task.Delay(delay, _disposed.Token).ContinueWith(
            _ => Send(letter, onWritten, attempt + 1),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
