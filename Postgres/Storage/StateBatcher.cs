using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SupplyGrid.Postgres.Storage;

/// <summary>
/// Sends grain-state operations to PostgreSQL in batches: each lane takes whatever operations are waiting (up to the
/// batch size, at most one per row) and runs them in one round trip and one implicit transaction, one set-based
/// statement per operation kind, so thousands of concurrent grains share statements and commits (and WAL flushes)
/// instead of paying one each. A lone operation goes out at once; batches form only while earlier ones are in
/// flight. Operations complete only after their batch has committed.
/// </summary>
internal sealed class StateBatcher : IAsyncDisposable
{
    private static readonly StateOperationKind[] StatementKinds =
        [StateOperationKind.Read, StateOperationKind.Insert, StateOperationKind.Update, StateOperationKind.Delete];

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
        var rows = new HashSet<StateKey>();
        // A second operation on a row already in the batch waits for the next batch: set-based statements need one per row.
        var deferred = new Queue<StateOperation>();
        var reader = _queue.Reader;
        while (deferred.Count > 0 || await reader.WaitToReadAsync())
        {
            for (var waiting = deferred.Count; waiting > 0 && batch.Count < _maxBatchSize; waiting--)
                Take(deferred.Dequeue());
            while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
                Take(operation);
            if (batch.Count > 0)
                await ExecuteAsync(batch);
            batch.Clear();
            rows.Clear();
        }

        void Take(StateOperation operation)
        {
            if (operation.CancellationToken.IsCancellationRequested)
                operation.TrySetCanceled(operation.CancellationToken);
            else if (rows.Add(operation.Key))
                batch.Add(operation);
            else
                deferred.Enqueue(operation);
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
        var groups = new List<int>[StatementKinds.Length];
        for (var position = 0; position < batch.Count; position++)
        {
            var operation = batch[position];
            operation.Outcome = NotFound(operation.Kind);
            var group = Array.IndexOf(StatementKinds, operation.Kind == StateOperationKind.CheckAbsent ? StateOperationKind.Read : operation.Kind);
            (groups[group] ??= []).Add(position);
        }

        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlBatch(connection))
        {
            foreach (var (kind, positions) in StatementKinds.Zip(groups))
            {
                if (positions is not null)
                    command.BatchCommands.Add(GrainStateSql.Command(kind, batch, positions));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var operation = batch[reader.GetInt32(0)];
                    operation.Outcome = Found(operation.Kind, reader.GetInt32(1), operation.Kind == StateOperationKind.Read ? reader.GetFieldValue<byte[]>(2) : null);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        var conflicts = Enumerable.Range(0, batch.Count).Where(p => batch[p].IsWriteConflict).ToList();
        if (conflicts.Count > 0)
            await ResolveConflictsAsync(connection, batch, conflicts, retried: attempt > 0, cancellationToken);
        return true;
    }

    /// <summary>The outcome when the statement returned no row for the operation.</summary>
    private static StateOutcome NotFound(StateOperationKind kind) =>
        new(kind == StateOperationKind.CheckAbsent, 0, null);

    /// <summary>The outcome when the statement returned the operation's row with its (new) version.</summary>
    private static StateOutcome Found(StateOperationKind kind, int version, byte[]? payload) => kind switch
    {
        StateOperationKind.Read => new StateOutcome(true, version, payload),
        StateOperationKind.CheckAbsent => new StateOutcome(false, version, null),
        StateOperationKind.Delete => new StateOutcome(true, 0, null),
        _ => new StateOutcome(true, version, null),
    };

    /// <summary>
    /// Looks up what the store holds for writes that matched nothing. After a retry, a write may not have matched
    /// because the failed attempt had in fact committed it (the reply was lost): a row at the next version with our
    /// payload, or the row gone for a delete, is then our own write, not a conflict.
    /// </summary>
    private static async Task ResolveConflictsAsync(
        NpgsqlConnection connection, List<StateOperation> batch, List<int> conflicts, bool retried, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<int, (int Version, bool SamePayload)>(conflicts.Count);
        await using (var command = new NpgsqlBatch(connection))
        {
            command.BatchCommands.Add(GrainStateSql.ConflictCommand(batch, conflicts));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                stored[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetBoolean(2));
        }

        foreach (var position in conflicts)
        {
            var operation = batch[position];
            var found = stored.TryGetValue(position, out var row);
            var ownWrite = retried && operation.Kind switch
            {
                StateOperationKind.Insert => row.Version == 1 && row.SamePayload,
                StateOperationKind.Update => row.Version == operation.ExpectedVersion + 1 && row.SamePayload,
                StateOperationKind.Delete => !found,
                _ => false,
            };
            operation.Outcome = ownWrite
                ? new StateOutcome(true, operation.Kind == StateOperationKind.Delete ? 0 : row.Version, null)
                : new StateOutcome(false, found ? row.Version : 0, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
    }
}
