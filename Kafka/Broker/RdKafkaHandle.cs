using System.Runtime.InteropServices;

namespace SupplyGrid.Kafka;

/// <summary>An <c>rd_kafka_t</c> created only to own a mock cluster; destroyed after the cluster it owns.</summary>
internal sealed class RdKafkaHandle : SafeHandle
{
    private RdKafkaHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <exception cref="InvalidOperationException">librdkafka refused a setting or the handle.</exception>
    public static unsafe RdKafkaHandle CreateProducer(IReadOnlyDictionary<string, string> settings)
    {
        const int errorBufferSize = 512;
        var errorBuffer = stackalloc byte[errorBufferSize];
        var conf = LibRdKafka.ConfNew();
        if (conf == 0)
            throw new InvalidOperationException("Embedded Kafka broker: rd_kafka_conf_new returned no configuration.");

        foreach (var (name, value) in settings)
        {
            if (LibRdKafka.ConfSet(conf, name, value, errorBuffer, errorBufferSize) != LibRdKafka.ConfOk)
            {
                LibRdKafka.ConfDestroy(conf);
                throw new InvalidOperationException(
                    $"Embedded Kafka broker: librdkafka rejected setting '{name}'='{value}': {Marshal.PtrToStringUTF8((nint)errorBuffer)}");
            }
        }

        var rk = LibRdKafka.New(LibRdKafka.ProducerType, conf, errorBuffer, errorBufferSize);
        if (rk == 0)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new InvalidOperationException(
                $"Embedded Kafka broker: rd_kafka_new failed: {Marshal.PtrToStringUTF8((nint)errorBuffer)}");
        }

        var result = new RdKafkaHandle();
        result.SetHandle(rk);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LibRdKafka.Destroy(handle);
        return true;
    }
}
