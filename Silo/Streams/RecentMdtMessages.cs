using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Silo.Streams;

/// <summary>The last MDT messages the grid sent, newest first, for the dashboards' feed.</summary>
public sealed class RecentMdtMessages(int capacity = 200)
{
    private readonly Lock _lock = new();
    private readonly Queue<MdtMessage> _messages = new();

    public void Add(MdtMessage message)
    {
        lock (_lock)
        {
            _messages.Enqueue(message);
            while (_messages.Count > capacity)
                _messages.Dequeue();
        }
    }

    public IReadOnlyList<MdtMessage> Latest(int count)
    {
        lock (_lock)
            return _messages.Reverse().Take(count).ToArray();
    }
}
