using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Postgres.Migrations;

namespace SupplyGrid.Runtime.Postgres.Storage;

/// <summary>
/// The <c>postgres</c> grain storage provider: one grain_state row per grain id and state name, the state as JSONB,
/// and the row's integer version as the etag (the same semantics as the memory provider): a first write (no etag)
/// inserts only if no row exists, a write or clear with a stale etag fails with <see cref="InconsistentStateException"/>,
/// a read of a missing row leaves <c>RecordExists</c> false. Failures are never swallowed: a database that stays
/// unreachable fails the call with <see cref="PostgresUnavailableException"/>.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly PostgresMigrator _migrator;
    private readonly JsonSerializerOptions _json;
    private readonly StateBatcher _batcher;

    public PostgresGrainStorage(PostgresDatabase database, PostgresMigrator migrator, PostgresGrainStorageOptions options, ILogger<PostgresGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _migrator = migrator;
        _json = options.SerializerOptions;
        _batcher = new StateBatcher(database, options.MaxBatchSize, options.MaxConcurrentBatches, logger);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainId, grainState);
        var outcome = await RunAsync(StateOperationKind.Read, grainId, stateName, null, 0, cancellationToken);
        if (outcome.Applied)
        {
            grainState.State = JsonSerializer.Deserialize<T>(outcome.Payload, _json)!;
            grainState.ETag = Format(outcome.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainId, grainState);
        var expected = ParseEtag(stateName, grainId, grainState.ETag);
        var payload = JsonSerializer.Serialize(grainState.State, _json);
        var outcome = expected is { } version
            ? await RunAsync(StateOperationKind.Update, grainId, stateName, payload, version, cancellationToken)
            : await RunAsync(StateOperationKind.Insert, grainId, stateName, payload, 0, cancellationToken);
        if (!outcome.Applied)
            throw Conflict(stateName, grainId, outcome.Version, grainState.ETag);
        grainState.ETag = Format(outcome.Version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainId, grainState);
        var expected = ParseEtag(stateName, grainId, grainState.ETag);
        var outcome = expected is { } version
            ? await RunAsync(StateOperationKind.Delete, grainId, stateName, null, version, cancellationToken)
            : await RunAsync(StateOperationKind.CheckAbsent, grainId, stateName, null, 0, cancellationToken);
        if (!outcome.Applied)
            throw Conflict(stateName, grainId, outcome.Version, grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<StateOutcome> RunAsync(
        StateOperationKind kind, GrainId grainId, string stateName, string? payload, int expectedVersion, CancellationToken cancellationToken)
    {
        await _migrator.EnsureMigratedAsync(cancellationToken);
        return await _batcher.RunAsync(new StateOperation(kind, grainId, stateName, payload, expectedVersion, cancellationToken));
    }

    private static void Validate<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        StorableText.ThrowIfInvalid(stateName, nameof(stateName));
        StorableText.ThrowIfInvalid(grainId, nameof(grainId));
        ArgumentNullException.ThrowIfNull(grainState);
    }

    /// <summary>Null for no etag (first write); a version otherwise. An etag this provider cannot have written is a conflict.</summary>
    private static int? ParseEtag(string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
            return null;
        if (int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            return version;
        throw new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} carries etag '{etag}', which is not a version the postgres storage wrote.", null, etag);
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, int storedVersion, string? etag)
    {
        var stored = storedVersion == 0 ? null : Format(storedVersion);
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was changed by another writer: stored etag {stored ?? "(none)"}, grain's etag {etag ?? "(none)"}.",
            stored, etag);
    }

    private static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();
}
