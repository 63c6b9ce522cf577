using System.Text.Json;
using Confluent.Kafka;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.City;

/// <summary>
/// Records through Kafka, as the fleet's systems send them: each produced as its topic contract's JSON, keyed by the
/// contract's key, to the embedded broker, from which the silo's stream provider reads them into the grains.
/// </summary>
/// <remarks>
/// The window bounds the records produced and not yet delivered, as the grain-call path bounds those in flight.
/// Delivered is the provider's own count: records read minus those its stream caches still hold. A record leaves a
/// partition's cache only once every subscriber's cursor has moved past it, that is once its grain has handled it
/// (and then a tenth of the cache at a time), so the estimate never runs ahead of the grains; it trails them by the
/// records handled but still sharing a cache bucket with unhandled ones. The consumer-lag gauge would not do: it counts
/// neither what the producer still holds nor what has been read and waits in a cache behind a busy grain. So the
/// simulated clock is never more than a window of records ahead of the grains.
/// </remarks>
internal sealed class KafkaCityFeed : ICityFeed
{
    public const string Name = "kafka";

    /// <summary>
    /// The window's default (records produced and not yet delivered). A record waits longer on this path than a grain
    /// call takes: the producer's linger (5 ms), the embedded broker's fetch wait (up to 50 ms), the pulling agent's
    /// next read (at the grid's read interval once its partition is drained; Orleans' 100 ms when this was measured),
    /// and its next read again before the purge that counts the record delivered: up to about a quarter of a second
    /// from producing a record to counting it delivered, mostly before any grain sees it. By Little's law the grain
    /// calls' 5,000 would hold the grid near 20,000 records a second (measured with 10,000 drivers: 21,000, on 0.9 of
    /// the two cores); with 20,000 the grid is busy (45,000 a second, 1.95 cores).
    /// </summary>
    public const int DefaultWindow = 20_000;

    private readonly IProducer<string, byte[]> _producer;
    private readonly KafkaStreamStatistics _statistics;
    private readonly DeliveryWindow _window;
    private readonly ConsumerLagGauge _consumerLag;
    private readonly QuietGrains _quietGrains;
    private readonly Action<DeliveryReport<string, byte[]>> _onDelivered;
    private long _refused;
    private string? _lastFailure;
    private long _finalConsumerLag;

    /// <param name="kafka">The broker the silo of <paramref name="services"/> reads through its stream provider.</param>
    public KafkaCityFeed(BenchKafka kafka, IServiceProvider services, int window)
    {
        _producer = kafka.Producer;
        _consumerLag = kafka.ConsumerLag;
        _quietGrains = kafka.QuietGrains;
        _statistics = BenchKafka.Statistics(services);
        _window = new DeliveryWindow(window, () => Handled);
        // One handler for every record: no closure per record.
        _onDelivered = OnDelivered;
    }

    public string Via => Name;

    public long Handled
    {
        get
        {
            // Records dead-lettered or ignored never enter a cache: they count as handled once read. A receiver counts a
            // batch read a moment before it counts it cached, so for that moment this may be ahead by one read batch.
            var read = _statistics.RecordsRead;
            return read - _statistics.RecordsInCache;
        }
    }

    /// <summary>Records the broker refused, and those the grid's decoder sent to the dead-letter topic.</summary>
    public long Failed => Interlocked.Read(ref _refused) + _statistics.RecordsUndecodable;

    public string? LastFailure => _lastFailure;

    public void Deliver<T>(TopicContract<T> contract, T record) where T : class, ITopicRecord
    {
        _window.Enter();
        var value = JsonSerializer.SerializeToUtf8Bytes(record, contract.TypeInfo);
        _producer.Produce(contract.Topic, new Message<string, byte[]> { Key = contract.KeyOf(record), Value = value }, _onDelivered);
    }

    /// <summary>Waits until every record produced has been read and handled, then until the grains are quiet.</summary>
    public async Task SettleAsync()
    {
        // A record the broker refused is never read: it counts as failed instead (and keeps its place in the window).
        while (Handled + Interlocked.Read(ref _refused) < _window.Sent)
            await Task.Delay(10);
        // The process never idles (consumers and pulling agents poll): quiet is the grains' own.
        await _quietGrains.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void StartMeasuring()
    {
        _window.StartMeasuring();
        _consumerLag.Start();
    }

    public void StopMeasuring()
    {
        _window.StopMeasuring();
        _consumerLag.Stop();
        _finalConsumerLag = _consumerLag.Sample();
    }

    public void AddFiguresTo(IDictionary<string, object?> line)
    {
        _window.AddFiguresTo(line);
        // The provider's gauge, summed over the partitions: records on the broker that no pulling agent has read yet.
        line["max_consumer_lag"] = _consumerLag.Max;
        line["final_consumer_lag"] = _finalConsumerLag;
        // Records the grid's decoder refused (sent to the dead-letter topic): the feeder's are all valid, so none is
        // expected.
        line["dead_letters"] = _statistics.RecordsUndecodable;
        line["librdkafka"] = BundledLibRdKafka.Version;
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (!report.Error.IsError)
            return;
        _lastFailure = $"{report.Topic}: {report.Error.Reason}";
        Interlocked.Increment(ref _refused);
    }
}
