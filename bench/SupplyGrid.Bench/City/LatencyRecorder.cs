using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SupplyGrid.Grains.Diagnostics;

namespace SupplyGrid.Bench.City;

/// <summary>Collects the domain's cell-tick and decision-latency histograms (meter SupplyGrid.Domain) while recording.</summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _ticks = new();
    private readonly ConcurrentQueue<double> _decisions = new();
    private volatile bool _recording;

    public LatencyRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DomainMetrics.MeterName
                && instrument.Name is DomainMetrics.CellTickDuration or DomainMetrics.DecisionDuration)
                listener.EnableMeasurementEvents(instrument, instrument.Name == DomainMetrics.CellTickDuration ? _ticks : _decisions);
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, state) =>
        {
            if (_recording)
                ((ConcurrentQueue<double>)state!).Enqueue(value);
        });
        _listener.Start();
    }

    public void Start()
    {
        _ticks.Clear();
        _decisions.Clear();
        _recording = true;
    }

    public void Stop() => _recording = false;

    public int Ticks => _ticks.Count;

    public int Decisions => _decisions.Count;

    public double TickPercentile(double q) => Percentiles.Of(_ticks, q);

    public double DecisionPercentile(double q) => Percentiles.Of(_decisions, q);

    public void Dispose() => _listener.Dispose();
}
