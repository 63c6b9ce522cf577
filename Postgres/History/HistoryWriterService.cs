using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Postgres.History;

/// <summary>
/// Runs the write loop of every history table for the life of the silo. It starts with the application services,
/// before grains can run, and stops after the silo has deactivated its grains, so grains can still write history while
/// they deactivate. On stop it refuses new rows, writes what is buffered (up to
/// <see cref="HistoryWriterOptions.ShutdownTimeout"/>) and reports what it could not.
/// </summary>
internal sealed class HistoryWriterService(
    IEnumerable<IHistoryTableRunner> tables, IOptions<HistoryWriterOptions> options, ILogger<HistoryWriterService> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly IHistoryTableRunner[] _tables = tables.ToArray();
    private readonly CancellationTokenSource _abort = new();
    private Task _running = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(HistoryWriterService), ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    internal Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.WhenAll(_tables.Select(t => Task.Run(() => t.RunAsync(_abort.Token), CancellationToken.None)));
        logger.LogInformation("History writer started for {Tables}", string.Join(", ", _tables.Select(t => t.Table)));
        return Task.CompletedTask;
    }

    internal async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables)
            table.Close();
        var timeout = Task.Delay(options.Value.ShutdownTimeout, cancellationToken);
        if (await Task.WhenAny(_running, timeout) != _running)
            await _abort.CancelAsync();
        await _running;
        logger.LogInformation("History writer stopped");
    }

    public void Dispose() => _abort.Dispose();
}
