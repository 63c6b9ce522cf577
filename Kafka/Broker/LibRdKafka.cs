using System.Runtime.InteropServices;

namespace SupplyGrid.Kafka;

/// <summary>
/// The few librdkafka entry points the embedded broker needs. The mock-cluster functions are librdkafka's own test
/// broker (experimental API, exported by the bundled build); Confluent.Kafka does not expose them. The name resolves
/// to the copy <see cref="BundledLibRdKafka"/> loaded.
/// </summary>
internal static unsafe partial class LibRdKafka
{
    private const string Library = "librdkafka";

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER: a producer handle owns nothing but the cluster.</summary>
    internal const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    internal const int ConfOk = 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    internal static partial nint ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(nint conf);

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ConfSet(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    /// <remarks>Takes ownership of <paramref name="conf"/> only when it succeeds.</remarks>
    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    internal static partial nint New(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    internal static partial void Destroy(nint rk);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial nint MockClusterNew(nint rk, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void MockClusterDestroy(nint cluster);

    /// <returns>A string owned by the cluster: read it, never free it.</returns>
    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    internal static partial nint MockClusterBootstraps(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    internal static partial void MockGroupInitialRebalanceDelayMs(nint cluster, int delayMs);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockTopicCreate(nint cluster, string topic, int partitionCount, int replicationFactor);

    /// <returns>A static string owned by librdkafka.</returns>
    [LibraryImport(Library, EntryPoint = "rd_kafka_err2str")]
    internal static partial nint ErrorToString(int error);

    internal static string DescribeError(int error) =>
        $"{Marshal.PtrToStringUTF8(ErrorToString(error)) ?? "unknown error"} (librdkafka error {error})";
}
