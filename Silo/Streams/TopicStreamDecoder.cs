using System.Text;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>
/// Turns the records of the consumed topics into the grains' events for the stream provider: JSON read and validated
/// with each topic's contract (a record that fails goes to the dead-letter topic with the reason), then put on the
/// stream of the grain that consumes it: a driver's records on their key's stream, a booking on its pickup cell's (a
/// booking outside every city goes to none: counted as ignored).
/// </summary>
internal sealed class TopicStreamDecoder : IKafkaRecordDecoder
{
    private readonly Dictionary<string, TopicBinding> _bindings;
    private readonly TopicRouter _router;

    public TopicStreamDecoder(TopicContracts contracts, TopicRouter router)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        _router = router ?? throw new ArgumentNullException(nameof(router));
        TopicBinding[] bindings =
        [
            Bind(contracts.DriverEvent), Bind(contracts.BookingCreated), Bind(contracts.DispatchJob), Bind(contracts.UploadTrip),
            Bind(contracts.DriverRealPerformance), Bind(contracts.MessageReply),
        ];
        _bindings = bindings.Where(b => TopicRouter.ConsumedTopics.Contains(b.Topic)).ToDictionary(b => b.Topic, StringComparer.Ordinal);
    }

    /// <summary>The topics this decoder reads: those a grain consumes.</summary>
    public IEnumerable<string> Topics => _bindings.Keys;

    public KafkaDecodeResult Decode(in KafkaRecord record)
    {
        if (!_bindings.TryGetValue(record.Topic, out var binding))
            return KafkaDecodeResult.Failure($"no grain consumes topic {record.Topic}");
        if (binding.TryDecode(record.Value, out var item) is { } rejection)
            return KafkaDecodeResult.Failure($"{rejection.Reason.WireName()}: {rejection.Message}", rejection.Reason.WireName());

        var key = Encoding.UTF8.GetString(record.Key);
        return _router.GrainKey(record.Topic, key, item!) switch
        {
            // Valid, but no cell of the grid wants it (the router has counted it as ignored).
            null => KafkaDecodeResult.Ignore("the booking's pickup is outside every configured city"),
            var grainKey when grainKey == key => KafkaDecodeResult.Success(item!),
            var grainKey => KafkaDecodeResult.SuccessOnStream(item!, grainKey),
        };
    }

    private static TopicBinding Bind<T>(TopicContract<T> contract) where T : class, ITopicRecord =>
        new TopicBinding<T>(contract.Topic, contract.TypeInfo, contract.Validate);
}
