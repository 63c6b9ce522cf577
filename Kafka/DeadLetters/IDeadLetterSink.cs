namespace SupplyGrid.Kafka;

/// <summary>Where dead letters go. The stream layer commits past a bad record only after its dead letter is written.</summary>
public interface IDeadLetterSink
{
    /// <summary>
    /// Writes <paramref name="letter"/> durably and then calls <paramref name="onWritten"/> once. A sink retries
    /// failures itself; it never calls back for a letter it did not write (the record then stays uncommitted).
    /// </summary>
    void Write(DeadLetter letter, Action onWritten);
}
