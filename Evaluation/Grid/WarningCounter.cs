using Microsoft.Extensions.Logging;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// Counts the warnings and errors logged during an arm and keeps the first, for the report: the domain's (categories
/// of the SupplyGrid namespaces) apart from Orleans' own, which on a loaded machine include slow-turn warnings that
/// say nothing about the grid's logic.
/// </summary>
public sealed class WarningCounter : ILoggerProvider
{
    private const string DomainPrefix = "SupplyGrid.";

    public LogTally Domain { get; } = new();

    public LogTally Runtime { get; } = new();

    public ILogger CreateLogger(string categoryName) =>
        new TallyLogger(categoryName.StartsWith(DomainPrefix, StringComparison.Ordinal) ? Domain : Runtime);

    public void Dispose()
    {
    }

    private sealed class TallyLogger(LogTally tally) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                tally.Add(formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
        }
    }
}

/// <summary>How many warnings or errors were logged, and the first of them.</summary>
public sealed class LogTally
{
    private long _count;
    private string? _first;

    public long Count => Interlocked.Read(ref _count);

    public string? First => Volatile.Read(ref _first);

    internal void Add(string text)
    {
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, text, null);
    }
}
