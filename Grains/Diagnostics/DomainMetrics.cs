using System.Diagnostics.Metrics;

namespace SupplyGrid.Grains.Diagnostics;

/// <summary>
/// The domain's instruments (meter <see cref="MeterName"/>): how long cell recomputes take, how long from a detected
/// deficit to the MDT offer, and what the grains ignore or refuse. Exported with the runtime's metrics.
/// </summary>
public sealed class DomainMetrics : IDisposable
{
    public const string MeterName = "SupplyGrid.Domain";
    public const string CellTickDuration = "supplygrid.cell.tick.duration";
    public const string DecisionDuration = "supplygrid.reposition.decision.duration";
    public const string OfferTransitions = "supplygrid.offers";
    public const string IgnoredEvents = "supplygrid.driver.events.ignored";

    private readonly Meter _meter;
    private readonly Histogram<double> _tick;
    private readonly Histogram<double> _decision;
    private readonly Counter<long> _ignored;
    private readonly Counter<long> _offers;

    public DomainMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tick = _meter.CreateHistogram<double>(CellTickDuration, "ms", "Time a cell takes to recompute, reposition planning included.");
        _decision = _meter.CreateHistogram<double>(DecisionDuration, "ms", "From a deficit detected by a cell to the MDT offer handed to the outbox.");
        _ignored = _meter.CreateCounter<long>(IgnoredEvents, "{event}", "Driver events that changed nothing: replays, out of order, impossible jumps.");
        _offers = _meter.CreateCounter<long>(OfferTransitions, "{offer}", "Offer transitions by state.");
    }

    public void CellTick(double milliseconds) => _tick.Record(milliseconds);

    public void Decision(double milliseconds) => _decision.Record(milliseconds);

    public void Ignored(string reason) => _ignored.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Offer(OfferState state) => _offers.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));

    public void Dispose() => _meter.Dispose();
}
