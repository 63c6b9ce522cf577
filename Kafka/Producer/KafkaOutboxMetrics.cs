using System.Diagnostics.Metrics;

namespace SupplyGrid.Kafka;

/// <summary>
/// The outboxes' numbers, as System.Diagnostics.Metrics instruments (meter <c>SupplyGrid.Kafka</c>) and as
/// <see cref="OutboxStatus"/>es for the operator dashboard. One instance per process, shared by every outbox.
/// </summary>
public sealed class KafkaOutboxMetrics : IDisposable
{
    public const string MeterName = "SupplyGrid.Kafka";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Lock _gate = new();
    private readonly List<IOutboxStatusSource> _outboxes = [];
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;

    public KafkaOutboxMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("supplygrid.kafka.outbox.pending", ObservePending, "{message}", "Outbox messages awaiting broker confirmation.");
        _delivered = _meter.CreateCounter<long>("supplygrid.kafka.outbox.delivered", "{message}", "Outbox messages confirmed by the brokers.");
        _failed = _meter.CreateCounter<long>("supplygrid.kafka.outbox.failed", "{message}", "Outbox messages that could not be delivered.");
    }

    /// <summary>Every registered outbox now, in registration order.</summary>
    public IReadOnlyList<OutboxStatus> Outboxes()
    {
        lock (_gate)
            return [.. _outboxes.Select(o => o.Status)];
    }

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }

    internal IDisposable Register(IOutboxStatusSource outbox)
    {
        lock (_gate)
            _outboxes.Add(outbox);
        return new Registration(() =>
        {
            lock (_gate)
                _outboxes.Remove(outbox);
        });
    }

    internal void RecordDelivered(string topic) => _delivered.Add(1, new KeyValuePair<string, object?>("topic", topic));

    internal void RecordFailed(string topic) => _failed.Add(1, new KeyValuePair<string, object?>("topic", topic));

    private IEnumerable<Measurement<long>> ObservePending() =>
        Outboxes().Select(s => new Measurement<long>(s.Pending, new KeyValuePair<string, object?>("topic", s.Topic)));

    private sealed class Registration(Action unregister) : IDisposable
    {
        private Action? _unregister = unregister;

        public void Dispose() => Interlocked.Exchange(ref _unregister, null)?.Invoke();
    }
}
