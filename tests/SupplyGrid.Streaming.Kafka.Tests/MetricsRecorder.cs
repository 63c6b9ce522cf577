using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// Listens to one provider's meter (<see cref="KafkaStreamInstruments.MeterName"/> tagged with its name): sums the
/// counters, and keeps the last value of each observable series, by instrument and tags.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _last = new(StringComparer.Ordinal);

    public MetricsRecorder(string providerName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName
                && instrument.Meter.Tags?.Any(t => t.Key == KafkaStreamInstruments.ProviderTag && Equals(t.Value, providerName)) == true)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var series = Series(instrument.Name, tags);
            if (instrument.IsObservable)
                _last[series] = value;
            else
                _sums.AddOrUpdate(series, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements with exactly these tags (besides the provider's).</summary>
    public long Sum(string instrument, params (string Key, object Value)[] tags) => _sums.GetValueOrDefault(Series(instrument, tags), 0);

    /// <summary>The last observed value of the series, after observing every observable instrument now; null when none was reported.</summary>
    public long? Observe(string instrument, params (string Key, object Value)[] tags)
    {
        _listener.RecordObservableInstruments();
        return _last.TryGetValue(Series(instrument, tags), out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();

    private static string Series(string instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var list = new List<(string, object)>();
        foreach (var tag in tags)
        {
            if (tag.Key != KafkaStreamInstruments.ProviderTag)
                list.Add((tag.Key, tag.Value!));
        }

        return Series(instrument, list.ToArray());
    }

    private static string Series(string instrument, (string Key, object Value)[] tags) =>
        instrument + "{" + string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + "}";
}
