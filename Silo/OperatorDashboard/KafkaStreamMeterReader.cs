using System.Diagnostics.Metrics;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// Listens to the Kafka stream provider's instruments (<see cref="KafkaStreamInstruments"/>) in this process and
/// keeps what the silo page shows: running totals from the counters, and the observable instruments (records in
/// cache, lag per partition) read at each <see cref="Read"/>. Sees every provider of the process, summed. The
/// provider's own dead-letter reasons are listed from the start (at zero); a decoder's own, once they occur.
/// </summary>
internal sealed class KafkaStreamMeterReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deadLettered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deadLettersByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, int Partition), long> _lag = [];
    private long _inCache;

    public KafkaStreamMeterReader()
    {
        foreach (var reason in KafkaDeadLetterReasons.All)
            _deadLettersByReason[reason] = 0;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName && IsShown(instrument.Name))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The totals so far and the observable instruments now.</summary>
    public KafkaStreamFigures Read()
    {
        lock (_gate)
        {
            _lag.Clear();
            _inCache = 0;
            _listener.RecordObservableInstruments();
            return new KafkaStreamFigures(
                new Dictionary<string, long>(_read, StringComparer.Ordinal),
                new Dictionary<string, long>(_deadLettered, StringComparer.Ordinal),
                new Dictionary<string, long>(_deadLettersByReason, StringComparer.Ordinal),
                [.. _lag.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition).Select(p => new PartitionLag(p.Key.Topic, p.Key.Partition, p.Value))],
                _inCache);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsShown(string instrument) => instrument is KafkaStreamInstruments.RecordsRead or KafkaStreamInstruments.RecordsDeadLettered
        or KafkaStreamInstruments.RecordsInCache or KafkaStreamInstruments.ConsumerLag;

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? topic = null, reason = null;
        var partition = -1;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case KafkaStreamInstruments.TopicTag: topic = tag.Value as string; break;
                case KafkaStreamInstruments.ReasonTag: reason = tag.Value as string; break;
                case KafkaStreamInstruments.PartitionTag when tag.Value is int p: partition = p; break;
            }
        }

        lock (_gate)
        {
            switch (instrument.Name)
            {
                case KafkaStreamInstruments.RecordsRead when topic is not null:
                    Add(_read, topic, value);
                    break;
                case KafkaStreamInstruments.RecordsDeadLettered:
                    Add(_deadLettered, topic ?? "", value);
                    Add(_deadLettersByReason, reason ?? "", value);
                    break;
                case KafkaStreamInstruments.RecordsInCache:
                    _inCache += value;
                    break;
                case KafkaStreamInstruments.ConsumerLag when topic is not null && partition >= 0:
                    _lag[(topic, partition)] = value;
                    break;
            }
        }
    }

    private static void Add(Dictionary<string, long> totals, string key, long value) => totals[key] = totals.GetValueOrDefault(key) + value;
}
