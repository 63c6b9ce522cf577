using Microsoft.Extensions.Logging;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>Counts the warnings and errors the grid logs during an arm and keeps the first, for the report.</summary>
public sealed class WarningCounter : ILoggerProvider, ILogger
{
    private long _count;
    private string? _first;

    public long Count => Interlocked.Read(ref _count);

    public string? First => Volatile.Read(ref _first);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        Interlocked.Increment(ref _count);
        if (Volatile.Read(ref _first) is null)
        {
            var text = formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            Interlocked.CompareExchange(ref _first, text, null);
        }
    }

    public void Dispose()
    {
    }
}
