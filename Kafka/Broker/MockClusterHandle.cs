using System.Runtime.InteropServices;

namespace SupplyGrid.Kafka;

/// <summary>
/// An <c>rd_kafka_mock_cluster_t</c>. It keeps a reference on its owning <see cref="RdKafkaHandle"/> so the owner is
/// destroyed only after the cluster, whichever order finalization or disposal happens in.
/// </summary>
internal sealed class MockClusterHandle : SafeHandle
{
    private RdKafkaHandle? _owner;

    private MockClusterHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <exception cref="InvalidOperationException">librdkafka could not start the cluster (for example no free port).</exception>
    public static MockClusterHandle Create(RdKafkaHandle owner, int brokerCount)
    {
        var result = new MockClusterHandle();
        var added = false;
        owner.DangerousAddRef(ref added);
        try
        {
            var cluster = LibRdKafka.MockClusterNew(owner.DangerousGetHandle(), brokerCount);
            if (cluster == 0)
                throw new InvalidOperationException(
                    $"Embedded Kafka broker: rd_kafka_mock_cluster_new failed for {brokerCount} broker(s); see librdkafka's log on stderr.");
            result.SetHandle(cluster);
            result._owner = owner;
            return result;
        }
        catch
        {
            if (added)
                owner.DangerousRelease();
            throw;
        }
    }

    protected override bool ReleaseHandle()
    {
        LibRdKafka.MockClusterDestroy(handle);
        _owner?.DangerousRelease();
        return true;
    }
}
