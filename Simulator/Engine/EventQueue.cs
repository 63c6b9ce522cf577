namespace SupplyGrid.Simulator;

internal enum SimEventKind : byte
{
    Ping,
    RouteEnd,
    IdleEnd,
    ShiftStart,
    ShiftEnd,
    BreakStart,
    BreakEnd,
    JobCancel,
    OfferReply,
    BookingExpire,
    DispatchRound,
}

/// <summary>Something due at a time. <see cref="Generation"/> lets a later change of plan make it stale.</summary>
internal readonly record struct ScheduledEvent(long Ticks, long Sequence, SimEventKind Kind, int Subject, int Generation);

/// <summary>
/// A 4-ary min-heap of events ordered by time, then by scheduling order, so events due at the same instant run in
/// the order they were scheduled. Written out rather than <see cref="PriorityQueue{TElement, TPriority}"/> so the
/// comparison inlines: a simulated day pushes and pops tens of millions of pings, and four children per node halve
/// the depth a pop walks down.
/// </summary>
internal sealed class EventQueue
{
    private ScheduledEvent[] _heap = new ScheduledEvent[1024];
    private int _count;
    private long _sequence;

    /// <summary>Ticks of the earliest event, or <see cref="long.MaxValue"/> when empty.</summary>
    public long PeekTicks => _count > 0 ? _heap[0].Ticks : long.MaxValue;

    public void Push(long ticks, SimEventKind kind, int subject, int generation = 0)
    {
        if (_count == _heap.Length)
            Array.Resize(ref _heap, _heap.Length * 2);
        var item = new ScheduledEvent(ticks, _sequence++, kind, subject, generation);
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (!Earlier(item, _heap[parent]))
                break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = item;
    }

    public ScheduledEvent Pop()
    {
        if (_count == 0)
            throw new InvalidOperationException("The event queue is empty.");
        var top = _heap[0];
        var last = _heap[--_count];
        int i = 0;
        while (true)
        {
            int first = 4 * i + 1;
            if (first >= _count)
                break;
            int child = first;
            int end = Math.Min(first + 4, _count);
            for (int c = first + 1; c < end; c++)
            {
                if (Earlier(_heap[c], _heap[child]))
                    child = c;
            }
            if (!Earlier(_heap[child], last))
                break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = last;
        return top;
    }

    private static bool Earlier(in ScheduledEvent a, in ScheduledEvent b) =>
        a.Ticks < b.Ticks || (a.Ticks == b.Ticks && a.Sequence < b.Sequence);
}
