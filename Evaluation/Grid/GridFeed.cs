using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// The simulation's events on their way to the grid, in process and without Kafka: each step's events are kept in
/// the order they happened, then handed to a record dispatcher (in an arm, the product's: the silo's Kafka consumer
/// hands records over the same way), keyed as their topic is. One sender in event order, and a dispatcher that keeps
/// at most one record of a key in flight, keep every grain's input in order. Records are checked against their topic's
/// contract first, as the consumer does; one that fails counts as a dead letter and goes no further.
/// </summary>
public sealed class GridFeed : ISimulationSink, IRecordDeliveryObserver
{
    private readonly IRecordDispatcher _dispatcher;
    private readonly TimeProvider _clock;
    private readonly EventValidationOptions _validation = new();
    private readonly List<(string Topic, string Key, ITopicRecord Record)> _step = [];
    private readonly HashSet<string> _subscribed;
    private long _failures;
    private string? _firstFailure;

    public GridFeed(IRecordDispatcher dispatcher, TimeProvider clock)
    {
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _subscribed = new HashSet<string>(
            new[] { Topics.DriverEvent, Topics.VehicleEvent, Topics.BookingCreated, Topics.DispatchJob, Topics.UploadTrip, Topics.DriverRealPerformance, Topics.MessageReply }
                .Where(dispatcher.IsSubscribed),
            StringComparer.Ordinal);
    }

    /// <summary>Records delivered to grains.</summary>
    public long Delivered { get; private set; }

    /// <summary>Records of topics no grain subscribes to (vehicle status): what a Kafka consumer of the grid would skip.</summary>
    public long Unconsumed { get; private set; }

    /// <summary>Records that broke their topic's contract.</summary>
    public long DeadLetters { get; private set; }

    /// <summary>Grain turns that failed on a delivered record.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public string? FirstFailure => Volatile.Read(ref _firstFailure);

    public void Publish(DriverEvent record) => _step.Add((Topics.DriverEvent, record.DriverId, record));

    public void Publish(VehicleEvent record) => _step.Add((Topics.VehicleEvent, record.VehicleId, record));

    public void Publish(BookingCreated record) => _step.Add((Topics.BookingCreated, record.BookingId, record));

    public void Publish(DispatchJob record) => _step.Add((Topics.DispatchJob, record.DriverId, record));

    public void Publish(UploadTrip record) => _step.Add((Topics.UploadTrip, record.DriverId, record));

    public void Publish(DriverRealPerformance record) => _step.Add((Topics.DriverRealPerformance, record.DriverId, record));

    public void Publish(MessageReply record) => _step.Add((Topics.MessageReply, record.DriverId, record));

    /// <summary>
    /// Hands the step's events to the grains, in order, and forgets them; the task completes when the grains have
    /// handled (or failed on) every one of them.
    /// </summary>
    public Task DeliverStepAsync()
    {
        var now = _clock.GetUtcNow();
        var step = new StepDelivery();
        foreach (var (topic, key, record) in _step)
        {
            if (!_subscribed.Contains(topic))
            {
                Unconsumed++;
                continue;
            }

            if (record.Validate(now, _validation) is not null)
            {
                DeadLetters++;
                continue;
            }

            step.Begin();
            Delivered++;
            Deliver(topic, key, record, step);
        }

        _step.Clear();
        step.End();
        return step.Completion;
    }

    private void Deliver(string topic, string key, ITopicRecord record, StepDelivery step)
    {
        switch (record)
        {
            case DriverEvent e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case BookingCreated e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case DispatchJob e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case UploadTrip e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case DriverRealPerformance e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case MessageReply e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            case VehicleEvent e:
                _dispatcher.Deliver(topic, key, e, null, this, step);
                break;
            default:
                throw new InvalidOperationException($"No delivery for a {record.GetType().Name} record.");
        }
    }

    void IRecordDeliveryObserver.OnDelivered(object? state, Exception? error)
    {
        if (error is not null)
        {
            Interlocked.Increment(ref _failures);
            Interlocked.CompareExchange(ref _firstFailure, error.GetType().Name + ": " + error.Message, null);
        }

        ((StepDelivery)state!).End();
    }

    /// <summary>The records of one step not handled yet, plus one for the feed until it has handed all of them over.</summary>
    private sealed class StepDelivery
    {
        private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _open = 1;

        public Task Completion => _handled.Task;

        public void Begin() => Interlocked.Increment(ref _open);

        public void End()
        {
            if (Interlocked.Decrement(ref _open) == 0)
                _handled.SetResult();
        }
    }
}
