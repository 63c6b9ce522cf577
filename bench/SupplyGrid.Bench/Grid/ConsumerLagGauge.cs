using System.Diagnostics.Metrics;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// The Kafka stream provider's consumer-lag gauge (meter SupplyGrid.Streaming.Kafka): records between each partition's
/// high watermark and its receiver's position, summed over the partitions, sampled every 20 ms while sampling is on.
/// </summary>
internal sealed class ConsumerLagGauge : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    private readonly MeterListener _listener = new();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private long _sum;
    private long _max;

    public ConsumerLagGauge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName && instrument.Name == KafkaStreamInstruments.ConsumerLag)
                listener.EnableMeasurementEvents(instrument);
        };
        // Called on the thread that asks for the observation, once per partition.
        _listener.SetMeasurementEventCallback<long>((_, lag, _, _) => _sum += lag);
        _listener.Start();
        _timer = new Timer(_ => Sample());
    }

    /// <summary>The largest total lag sampled since <see cref="Start"/>.</summary>
    public long Max => Interlocked.Read(ref _max);

    public void Start()
    {
        Interlocked.Exchange(ref _max, 0);
        _timer.Change(TimeSpan.Zero, Period);
    }

    public void Stop() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>The total lag now (and a sample toward <see cref="Max"/>).</summary>
    public long Sample()
    {
        lock (_lock)
        {
            _sum = 0;
            _listener.RecordObservableInstruments();
            if (_sum > _max)
                Interlocked.Exchange(ref _max, _sum);
            return _sum;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _listener.Dispose();
    }
}
