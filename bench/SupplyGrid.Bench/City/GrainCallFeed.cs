using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.City;

/// <summary>
/// Records by grain calls, as the silo's Kafka consumer loop hands them over: through the record dispatcher (one grain
/// call per record, at most one in flight per grain), at most a window of them in flight.
/// </summary>
internal sealed class GrainCallFeed : ICityFeed, IRecordDeliveryObserver
{
    public const string Name = "grain-calls";

    /// <summary>Records in flight by default: enough to keep the grid saturated.</summary>
    public const int DefaultWindow = 5_000;

    private readonly IRecordDispatcher _dispatcher;
    private readonly DeliveryWindow _window;
    private long _completed;
    private long _failed;
    private Exception? _lastError;

    public GrainCallFeed(IRecordDispatcher dispatcher, int window)
    {
        _dispatcher = dispatcher;
        _window = new DeliveryWindow(window, () => Handled);
    }

    public string Via => Name;

    public long Handled => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    public string? LastFailure => _lastError?.ToString();

    public void Deliver<T>(TopicContract<T> contract, T record) where T : class, ITopicRecord
    {
        _window.Enter();
        _dispatcher.Deliver(contract.Topic, contract.KeyOf(record), record, null, this, null);
    }

    public void OnDelivered(object? state, Exception? error)
    {
        Interlocked.Increment(ref _completed);
        if (error is not null)
        {
            Interlocked.Increment(ref _failed);
            _lastError = error;
        }
    }

    /// <summary>
    /// Waits until every record handed over has been handled (the one-way notifications it set off may still run).
    /// </summary>
    public async Task DrainAsync()
    {
        while (Handled < _window.Sent || _dispatcher.PendingMessages > 0)
            await Task.Delay(10);
    }

    /// <summary>Drains, then waits for the process to go quiet: nothing else runs in it.</summary>
    public async Task SettleAsync()
    {
        await DrainAsync();
        await ManagedHeap.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    public void StartMeasuring() => _window.StartMeasuring();

    public void StopMeasuring() => _window.StopMeasuring();

    public void AddFiguresTo(IDictionary<string, object?> line) => _window.AddFiguresTo(line);
}
