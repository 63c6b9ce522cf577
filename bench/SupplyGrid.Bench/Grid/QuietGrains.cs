using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// Tells when a silo's grains have gone quiet by the messages Orleans queues on grain activations (its counter
/// orleans-messaging-processing-ima-enqueued, context ToGrain), for a silo whose process is never idle: the Kafka stream
/// provider's consumers fetch and its pulling agents look over their streams all the time, so the CPU a quiet silo uses
/// grows with the partitions and streams (a quarter of a core with 100,000 drivers), past any fixed threshold. Orleans
/// counts only while a listener has the counter on: this one has it on only while waiting.
/// </summary>
internal sealed class QuietGrains : IDisposable
{
    private const string MeterName = "Microsoft.Orleans";
    private const string EnqueuedMessages = "orleans-messaging-processing-ima-enqueued";
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly MeterListener _listener = new();
    private volatile Instrument? _counter;
    private long _toGrains;

    public QuietGrains()
    {
        _listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == EnqueuedMessages)
                _counter = instrument;
        };
        // Called on the thread that asks for the observation, once per context (null, system target, grain).
        _listener.SetMeasurementEventCallback<long>((_, total, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "Context", Value: "ToGrain" })
                    _toGrains = total;
            }
        });
        _listener.Start();
    }

    /// <summary>
    /// Waits until no message has been queued on a grain for 200 ms (the work the records handled set off has run), or
    /// fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        var counter = _counter ?? throw new InvalidOperationException($"The silo publishes no {EnqueuedMessages} counter.");
        _listener.EnableMeasurementEvents(counter);
        try
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            var before = Total();
            while (true)
            {
                await Task.Delay(Window);
                var now = Total();
                if (now == before)
                    return;
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"grains were still receiving messages {timeout.TotalSeconds:0} s after the last record was handled");
                before = now;
            }
        }
        finally
        {
            _listener.DisableMeasurementEvents(counter);
        }
    }

    private long Total()
    {
        _listener.RecordObservableInstruments();
        return Interlocked.Read(ref _toGrains);
    }

    public void Dispose() => _listener.Dispose();
}
