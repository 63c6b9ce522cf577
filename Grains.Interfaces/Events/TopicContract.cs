namespace SupplyGrid.Grains.Events;

/// <summary>What one topic carries, independent of its record type: for listing, topic creation and docs.</summary>
public abstract class TopicContract
{
    private protected TopicContract(string topic, string keyField, Type recordType, bool writtenByGrid)
    {
        Topic = topic;
        KeyField = keyField;
        RecordType = recordType;
        WrittenByGrid = writtenByGrid;
    }

    public string Topic { get; }

    /// <summary>The JSON member whose value is the record key (and the key of the grain it drives).</summary>
    public string KeyField { get; }

    public Type RecordType { get; }

    /// <summary>True for a topic the grid produces (message_send), false for one it consumes.</summary>
    public bool WrittenByGrid { get; }

    public int DefaultPartitions => Topics.DefaultPartitions[Topic];

    public override string ToString() => $"{Topic} ({RecordType.Name}, key {KeyField})";
}
