using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// An intrusive doubly-linked FIFO of messages (through <see cref="GrainMessage.Next"/>/<see cref="GrainMessage.Previous"/>):
/// no allocation per message, O(1) removal from the middle. Not thread-safe: the owning activation locks around it.
/// </summary>
internal struct MessageList
{
    private GrainMessage? _head;
    private GrainMessage? _tail;

    public int Count { get; private set; }

    public readonly GrainMessage? First => _head;

    public void AddLast(GrainMessage message)
    {
        message.Next = null;
        message.Previous = _tail;
        if (_tail is null)
            _head = message;
        else
            _tail.Next = message;
        _tail = message;
        Count++;
    }

    public void AddFirst(GrainMessage message)
    {
        message.Previous = null;
        message.Next = _head;
        if (_head is null)
            _tail = message;
        else
            _head.Previous = message;
        _head = message;
        Count++;
    }

    public void Remove(GrainMessage message)
    {
        if (message.Previous is null)
            _head = message.Next;
        else
            message.Previous.Next = message.Next;
        if (message.Next is null)
            _tail = message.Previous;
        else
            message.Next.Previous = message.Previous;
        message.Next = null;
        message.Previous = null;
        Count--;
    }

    /// <summary>Empties the list, returning its messages in order.</summary>
    public List<GrainMessage> TakeAll()
    {
        var all = new List<GrainMessage>(Count);
        for (var m = _head; m is not null;)
        {
            var next = m.Next;
            m.Next = null;
            m.Previous = null;
            all.Add(m);
            m = next;
        }

        _head = _tail = null;
        Count = 0;
        return all;
    }
}
