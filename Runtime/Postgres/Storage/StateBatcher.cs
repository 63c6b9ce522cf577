using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SupplyGrid.Runtime.Postgres.Storage;

/// <summary>
/// Sends grain-state operations to PostgreSQL in batches: each lane takes whatever operations are waiting (up to the
/// batch size) and runs them in one round trip and one implicit transaction, so thousands of concurrent grains share
/// commits (and WAL flushes) instead of paying one each. A lone operation goes out at once; batches form only while
/// earlier ones are in flight. Operations complete only after their batch has committed.
/// </summary>
internal sealed class StateBatcher : IAsyncDisposable
{
    private readonly Channel<StateOperation> _queue = Channel.CreateUnbounded<StateOperation>();
    private readonly PostgresDatabase _database;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task[] _lanes;

    public StateBatcher(PostgresDatabase database, int maxBatchSize, int lanes, ILogger logger)
    {
        _database = database;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _lanes = Enumerable.Range(0, lanes).Select(_ => Task.Run(RunLaneAsync)).ToArray();
    }

    /// <summary>Queues the operation. Its token is honoured until the operation is sent; after that it completes.</summary>
    public Task<StateOutcome> RunAsync(StateOperation operation)
    {
        operation.CancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(operation))
            throw new ObjectDisposedException(nameof(PostgresGrainStorage), "The postgres grain storage has been shut down.");
        return operation.Task;
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<StateOperation>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
            {
                if (operation.CancellationToken.IsCancellationRequested)
                    operation.TrySetCanceled(operation.CancellationToken);
                else
                    batch.Add(operation);
            }

            if (batch.Count == 0)
                continue;
            await ExecuteAsync(batch);
            batch.Clear();
        }
    }

    private async Task ExecuteAsync(List<StateOperation> batch)
    {
        try
        {
            await _database.RunAsync("grain state batch", (attempt, ct) => RunOnceAsync(batch, attempt, ct), CancellationToken.None);
            foreach (var operation in batch)
                operation.TrySetResult(operation.Outcome);
        }
        catch (PostgresException error) when (batch.Count > 1 && !PostgresFailures.IsUnavailable(error))
        {
            // One bad operation (say, a state whose JSON PostgreSQL refuses) aborts the whole batch's transaction:
            // run each alone so that only that one fails.
            _logger.LogWarning(error, "A grain state batch of {Count} failed; running its operations one by one", batch.Count);
            foreach (var operation in batch)
                await ExecuteAsync([operation]);
        }
        catch (Exception error)
        {
            foreach (var operation in batch)
                operation.TrySetException(error);
        }
    }

    private async Task<bool> RunOnceAsync(List<StateOperation> batch, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlBatch(connection))
        {
            foreach (var operation in batch)
                command.BatchCommands.Add(GrainStateSql.Command(operation));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            foreach (var operation in batch)
            {
                operation.Outcome = await ReadOutcomeAsync(reader, operation, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
            }
        }

        if (batch.Exists(o => o.IsWriteConflict))
            await ResolveConflictsAsync(connection, batch, retried: attempt > 0, cancellationToken);
        return true;
    }

    private static async Task<StateOutcome> ReadOutcomeAsync(NpgsqlDataReader reader, StateOperation operation, CancellationToken cancellationToken)
    {
        var found = await reader.ReadAsync(cancellationToken);
        return operation.Kind switch
        {
            StateOperationKind.Read => found
                ? new StateOutcome(true, reader.GetInt32(1), reader.GetFieldValue<byte[]>(0))
                : new StateOutcome(false, 0, null),
            StateOperationKind.Insert or StateOperationKind.Update => new StateOutcome(found, found ? reader.GetInt32(0) : 0, null),
            StateOperationKind.Delete => new StateOutcome(found, 0, null),
            StateOperationKind.CheckAbsent => new StateOutcome(!found, found ? reader.GetInt32(0) : 0, null),
            _ => throw new InvalidOperationException($"Unknown operation kind {operation.Kind}."),
        };
    }

    /// <summary>
    /// Looks up what the store holds for writes that matched nothing. After a retry, a write may not have matched
    /// because the failed attempt had in fact committed it (the reply was lost): a row at the next version with our
    /// payload, or the row gone for a delete, is then our own write, not a conflict.
    /// </summary>
    private static async Task ResolveConflictsAsync(NpgsqlConnection connection, List<StateOperation> batch, bool retried, CancellationToken cancellationToken)
    {
        var conflicts = batch.Where(o => o.IsWriteConflict).ToArray();
        await using var command = new NpgsqlBatch(connection);
        foreach (var operation in conflicts)
            command.BatchCommands.Add(GrainStateSql.ConflictCommand(operation));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        foreach (var operation in conflicts)
        {
            var found = await reader.ReadAsync(cancellationToken);
            var stored = found ? reader.GetInt32(0) : 0;
            var samePayload = found && reader.GetBoolean(1);
            var ownWrite = retried && operation.Kind switch
            {
                StateOperationKind.Insert => stored == 1 && samePayload,
                StateOperationKind.Update => stored == operation.ExpectedVersion + 1 && samePayload,
                StateOperationKind.Delete => !found,
                _ => false,
            };
            operation.Outcome = new StateOutcome(ownWrite, stored, null);
            await reader.NextResultAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
    }
}
