using System.Diagnostics.Metrics;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Diagnostics;

namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// The offer funnel of this silo: every offer transition its driver grains made since it started, read from the
/// domain's <c>supplygrid.offers</c> counter (meter <see cref="DomainMetrics.MeterName"/>, tag <c>state</c>).
/// </summary>
/// <remarks>
/// Why the meter and not the city grain's KPIs: the driver grain adds to the counter in the same turn as the
/// transition, so nothing can go missing between the two, whereas the city hears of each transition through a one-way
/// message and keeps its totals across restarts. The meter therefore tells what this process did, which is what the
/// silo page is about (its Kafka figures are per process too); the city's cluster-wide totals are on the city
/// dashboard. Only the meter of this host's <see cref="IMeterFactory"/> is counted, so two silos in one process (tests)
/// do not count each other's offers.
/// </remarks>
internal sealed class OfferFunnelMeter : IDisposable
{
    /// <summary>The instrument <see cref="DomainMetrics"/> counts offer transitions on.</summary>
    public const string InstrumentName = DomainMetrics.OfferTransitions;

    private const string StateTag = "state";

    private readonly object? _scope;
    private readonly MeterListener _listener;
    private readonly long[] _counts = new long[Enum.GetValues<OfferState>().Length];

    /// <param name="meterFactory">The host's meter factory, which <see cref="DomainMetrics"/> creates its meter with (null: the unscoped meter).</param>
    public OfferFunnelMeter(IMeterFactory? meterFactory)
    {
        _scope = meterFactory;
        _listener = new MeterListener { InstrumentPublished = Publish };
        _listener.SetMeasurementEventCallback<long>(Count);
        _listener.Start();
    }

    /// <summary>Offers by the state they reached, since this meter started listening.</summary>
    public OfferCounts Read() => new(
        Total(OfferState.Offered), Total(OfferState.Accepted), Total(OfferState.Declined),
        Total(OfferState.Expired), Total(OfferState.Arrived), Total(OfferState.Failed));

    public void Dispose() => _listener.Dispose();

    private long Total(OfferState state) => Volatile.Read(ref _counts[(int)state]);

    private void Publish(Instrument instrument, MeterListener listener)
    {
        if (instrument.Name == InstrumentName && instrument.Meter.Name == DomainMetrics.MeterName && Equals(instrument.Meter.Scope, _scope))
            listener.EnableMeasurementEvents(instrument);
    }

    private void Count(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == StateTag && tag.Value is string name && Enum.TryParse<OfferState>(name, out var reached))
            {
                Interlocked.Add(ref _counts[(int)reached], value);
                return;
            }
        }
    }
}
