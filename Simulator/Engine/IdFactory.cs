namespace SupplyGrid.Simulator;

/// <summary>
/// Deterministic ids: the run id, a letter for the kind, and a counter in hexadecimal ("sg-1-202611220800-e1f").
/// Random GUIDs would differ between two runs of the same seed; the run id keeps two runs apart in one Kafka cluster.
/// </summary>
internal sealed class IdFactory
{
    private const string HexDigits = "0123456789abcdef";

    private readonly string _prefix;
    private long _events, _bookings, _jobs, _trips;

    public IdFactory(string runId)
    {
        _prefix = runId + "-";
    }

    public string NextEvent() => Create('e', ++_events);

    public string NextBooking() => Create('b', ++_bookings);

    public string NextJob() => Create('j', ++_jobs);

    public string NextTrip() => Create('t', ++_trips);

    private string Create(char kind, long counter)
    {
        // Hexadecimal digits of a positive counter, written by hand: the general formatter is slower.
        int digits = (int)((64 - long.LeadingZeroCount(counter) + 3) / 4);
        return string.Create(_prefix.Length + 1 + digits, (_prefix, kind, counter), static (span, state) =>
        {
            state._prefix.AsSpan().CopyTo(span);
            span[state._prefix.Length] = state.kind;
            long value = state.counter;
            for (int i = span.Length - 1; i > state._prefix.Length; i--)
            {
                span[i] = HexDigits[(int)(value & 0xF)];
                value >>= 4;
            }
        });
    }
}
