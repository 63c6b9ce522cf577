using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SupplyGrid.Postgres.Migrations;

namespace SupplyGrid.Postgres.History;

/// <summary>The background side of a history table, driven by <see cref="HistoryWriterService"/>.</summary>
internal interface IHistoryTableRunner
{
    string Table { get; }

    /// <summary>Writes batches until the buffer is closed and empty; <paramref name="abort"/> gives up on what is left.</summary>
    Task RunAsync(CancellationToken abort);

    /// <summary>Refuses new rows; <see cref="RunAsync"/> writes what is buffered and returns.</summary>
    void Close();

    HistoryTableStatus GetStatus();
}

/// <summary>
/// One history table: a bounded buffer (rows beyond it are dropped and counted, or make the writer wait, per
/// <see cref="HistoryOverflow"/>) and the loop that writes it in batches. A batch is written when it is full or its
/// oldest row has waited the flush interval. A batch that fails is retried with backoff until it is written, so the
/// buffer, not the batch, absorbs an outage; a row the database refuses as invalid is isolated by halving the batch,
/// logged and counted as rejected, so that it cannot hold up the rows behind it.
/// </summary>
internal sealed class HistoryTable<TRow> : IHistoryWriter<TRow>, IHistoryTableRunner where TRow : IHistoryRow<TRow>
{
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);

    private readonly HistoryTableSchema _schema = TRow.Schema;
    private readonly PostgresDatabase _database;
    private readonly PostgresMigrator _migrator;
    private readonly ILogger _logger;
    private readonly HistoryTableOptions _options;
    private readonly HistoryOverflow _overflow;
    private readonly Channel<HistoryEntry<TRow>> _buffer;
    private readonly HistoryEntry<TRow>[] _batch;
    private volatile bool _closed;
    private int _inFlight;
    private long _enqueued;
    private long _written;
    private long _duplicates;
    private long _dropped;
    private long _rejected;
    private long _lastFlushTicks;
    private long _droppedReported;
    private DateTime _dropsReportedAt;
    private volatile string? _lastError;

    public HistoryTable(PostgresDatabase database, PostgresMigrator migrator, IOptionsMonitor<HistoryTableOptions> options, ILogger<HistoryTable<TRow>> logger)
    {
        _database = database;
        _migrator = migrator;
        _logger = logger;
        _options = options.Get(_schema.Table);
        _options.Validate(_schema);
        _overflow = _options.EffectiveOverflow(_schema);
        _buffer = Channel.CreateBounded<HistoryEntry<TRow>>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _batch = new HistoryEntry<TRow>[_options.BatchSize];
        database.Health.AttachHistoryTable(GetStatus);
    }

    public string Table => _schema.Table;

    public ValueTask<bool> EnqueueAsync(TRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Validate();
        var entry = new HistoryEntry<TRow>(row, null);
        if (_buffer.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _enqueued);
            return ValueTask.FromResult(true);
        }

        ThrowIfClosed();
        if (_overflow == HistoryOverflow.Drop)
        {
            Interlocked.Increment(ref _dropped);
            return ValueTask.FromResult(false);
        }

        return WaitForSpaceAsync(entry, cancellationToken);
    }

    public async Task WriteCommittedAsync(TRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Validate();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await WaitForSpaceAsync(new HistoryEntry<TRow>(row, committed), cancellationToken);
        await committed.Task.WaitAsync(cancellationToken);
    }

    public HistoryTableStatus GetStatus()
    {
        var lastFlush = Interlocked.Read(ref _lastFlushTicks);
        return new HistoryTableStatus(
            _schema.Table,
            _overflow,
            _options.Capacity,
            _buffer.Reader.Count + Volatile.Read(ref _inFlight),
            Interlocked.Read(ref _enqueued),
            Interlocked.Read(ref _written),
            Interlocked.Read(ref _duplicates),
            Interlocked.Read(ref _dropped),
            Interlocked.Read(ref _rejected),
            lastFlush == 0 ? null : new DateTimeOffset(lastFlush, TimeSpan.Zero),
            _lastError);
    }

    public void Close()
    {
        _closed = true;
        _buffer.Writer.TryComplete();
    }

    public async Task RunAsync(CancellationToken abort)
    {
        var reader = _buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                var count = await FillBatchAsync(reader, abort);
                await FlushAsync(new ArraySegment<HistoryEntry<TRow>>(_batch, 0, count), abort);
                Array.Clear(_batch, 0, count);
                Volatile.Write(ref _inFlight, 0);
                ReportDrops(force: false);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            AbandonBuffered();
        }

        ReportDrops(force: true);
    }

    private async ValueTask<bool> WaitForSpaceAsync(HistoryEntry<TRow> entry, CancellationToken cancellationToken)
    {
        try
        {
            await _buffer.Writer.WriteAsync(entry, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            ThrowIfClosed();
            throw;
        }

        Interlocked.Increment(ref _enqueued);
        return true;
    }

    /// <summary>
    /// Takes rows until the batch is full, the oldest has waited the flush interval, or the buffer is closed. A row whose
    /// writer waits for the commit (<see cref="WriteCommittedAsync"/>) sends the batch as soon as the buffer has nothing
    /// more at hand: its caller is waiting, and the rows that arrive during that write form the next batch.
    /// </summary>
    private async Task<int> FillBatchAsync(ChannelReader<HistoryEntry<TRow>> reader, CancellationToken abort)
    {
        var count = 0;
        var deadline = DateTime.MaxValue;
        var awaited = false;
        while (true)
        {
            while (count < _batch.Length && reader.TryRead(out var entry))
            {
                _batch[count++] = entry;
                awaited |= entry.Committed is not null;
                if (count == 1)
                    deadline = DateTime.UtcNow + _options.FlushInterval;
            }

            Volatile.Write(ref _inFlight, count);
            var remaining = deadline - DateTime.UtcNow;
            if (count == _batch.Length || _closed || awaited || (count > 0 && remaining <= TimeSpan.Zero))
                return count;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
            if (count > 0)
                timeout.CancelAfter(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                    return count;
            }
            catch (OperationCanceledException) when (!abort.IsCancellationRequested)
            {
                return count;
            }
        }
    }

    private async Task FlushAsync(ArraySegment<HistoryEntry<TRow>> rows, CancellationToken abort)
    {
        if (rows.Count == 0)
            return;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _migrator.EnsureMigratedAsync(abort);
                var inserted = await _database.RunAsync($"write {_schema.Table} history", async (_, ct) =>
                {
                    await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
                    return await HistoryCopy.WriteAsync(connection, rows, ct);
                }, abort);
                OnWritten(rows, inserted);
                return;
            }
            catch (PostgresException error) when (IsRowError(error))
            {
                await IsolateRejectedAsync(rows, error, abort);
                return;
            }
            catch (Exception error) when (!abort.IsCancellationRequested)
            {
                _lastError = $"{DateTime.UtcNow:O} {error.GetType().Name}: {error.Message}";
                if (attempt % 10 == 0)
                    _logger.LogWarning(error, "Writing {Count} rows of {Table} failed (attempt {Attempt}); the rows stay buffered and will be retried",
                        rows.Count, _schema.Table, attempt + 1);
                ReportDrops(force: false);
                await Task.Delay(RetryBackoff.Delay(attempt, _database.Options.RetryBaseDelay, _database.Options.RetryMaxDelay), abort);
            }
        }
    }

    /// <summary>Data errors (class 22) and constraint violations (class 23) belong to rows, not to the database.</summary>
    private static bool IsRowError(PostgresException error) =>
        error.SqlState.StartsWith("22", StringComparison.Ordinal) || error.SqlState.StartsWith("23", StringComparison.Ordinal);

    private async Task IsolateRejectedAsync(ArraySegment<HistoryEntry<TRow>> rows, PostgresException error, CancellationToken abort)
    {
        if (rows.Count == 1)
        {
            var entry = rows[0];
            Interlocked.Increment(ref _rejected);
            _lastError = $"{DateTime.UtcNow:O} rejected row: {error.SqlState} {error.MessageText}";
            _logger.LogError(error, "PostgreSQL rejected a row of {Table}, which is not written: {Row}", _schema.Table, entry.Row);
            entry.Committed?.TrySetException(new InvalidOperationException(
                $"PostgreSQL rejected the {_schema.Table} row: {error.SqlState} {error.MessageText}", error));
            return;
        }

        var half = rows.Count / 2;
        await FlushAsync(rows[..half], abort);
        await FlushAsync(rows[half..], abort);
    }

    private void OnWritten(ArraySegment<HistoryEntry<TRow>> rows, int inserted)
    {
        Interlocked.Add(ref _written, inserted);
        Interlocked.Add(ref _duplicates, rows.Count - inserted);
        Interlocked.Exchange(ref _lastFlushTicks, DateTime.UtcNow.Ticks);
        _lastError = null;
        foreach (var entry in rows)
            entry.Committed?.TrySetResult();
    }

    /// <summary>Shutdown ran out of time: what is still buffered is lost; say so, and fail writers waiting for a commit.</summary>
    private void AbandonBuffered()
    {
        var lost = Volatile.Read(ref _inFlight);
        var stopped = new OperationCanceledException($"The {_schema.Table} history writer stopped before the row was written.");
        for (var i = 0; i < lost; i++)
            _batch[i].Committed?.TrySetException(stopped);
        while (_buffer.Reader.TryRead(out var entry))
        {
            lost++;
            entry.Committed?.TrySetException(stopped);
        }

        if (lost > 0)
            _logger.LogError("Shutdown timed out with {Count} rows of {Table} not written", lost, _schema.Table);
    }

    private void ReportDrops(bool force)
    {
        var dropped = Interlocked.Read(ref _dropped);
        var now = DateTime.UtcNow;
        if (dropped == _droppedReported || (!force && now - _dropsReportedAt < DropReportInterval))
            return;
        _logger.LogWarning("Dropped {Count} rows of {Table} because its buffer ({Capacity} rows) was full; {Total} dropped since start",
            dropped - _droppedReported, _schema.Table, _options.Capacity, dropped);
        _droppedReported = dropped;
        _dropsReportedAt = now;
    }

    private void ThrowIfClosed()
    {
        if (_closed)
            throw new InvalidOperationException($"The {_schema.Table} history writer has stopped (the silo is shutting down); the row was not buffered.");
    }
}
