using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using SupplyGrid.Postgres.Migrations;

namespace SupplyGrid.Postgres.Storage;

/// <summary>
/// An Orleans grain storage provider over our grain_state table: one row per grain id and state name, the state as
/// JSONB (System.Text.Json), and the row's integer version as the etag. A first write (no etag) inserts only if no row
/// exists; a write or clear with a stale etag fails with <see cref="InconsistentStateException"/>; a read of a missing
/// row, like a clear, leaves a fresh state with no etag and <c>RecordExists</c> false, as Orleans' memory storage does.
/// Every call completes only after its transaction has committed, so a state written is durable. Failures are never
/// swallowed: a database that stays unreachable fails the call with <see cref="PostgresUnavailableException"/>.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly string _name;
    private readonly PostgresMigrator _migrator;
    private readonly IActivatorProvider _activators;
    private readonly JsonSerializerOptions _json;
    private readonly StateBatcher _batcher;

    public PostgresGrainStorage(
        string name,
        PostgresDatabase database,
        PostgresMigrator migrator,
        PostgresGrainStorageOptions options,
        IActivatorProvider activators,
        ILogger<PostgresGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(name);
        _name = name;
        _migrator = migrator;
        _activators = activators;
        _json = options.SerializerOptions;
        _batcher = new StateBatcher(database, options.MaxBatchSize, options.MaxConcurrentBatches, logger);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = Validate(stateName, grainId, grainState);
        var outcome = await RunAsync(StateOperationKind.Read, row, stateName, null, 0, cancellationToken);
        if (outcome.Applied)
        {
            grainState.State = JsonSerializer.Deserialize<T>(outcome.Payload, _json) ?? Fresh<T>();
            grainState.ETag = Format(outcome.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Fresh<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = Validate(stateName, grainId, grainState);
        var expected = ParseEtag(stateName, grainId, grainState.ETag);
        var payload = JsonSerializer.Serialize(grainState.State, _json);
        var outcome = expected is { } version
            ? await RunAsync(StateOperationKind.Update, row, stateName, payload, version, cancellationToken)
            : await RunAsync(StateOperationKind.Insert, row, stateName, payload, 0, cancellationToken);
        if (!outcome.Applied)
            throw Conflict(stateName, grainId, outcome.Version, grainState.ETag);
        grainState.ETag = Format(outcome.Version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = Validate(stateName, grainId, grainState);
        var expected = ParseEtag(stateName, grainId, grainState.ETag);
        var outcome = expected is { } version
            ? await RunAsync(StateOperationKind.Delete, row, stateName, null, version, cancellationToken)
            : await RunAsync(StateOperationKind.CheckAbsent, row, stateName, null, 0, cancellationToken);
        if (!outcome.Applied)
            throw Conflict(stateName, grainId, outcome.Version, grainState.ETag);
        grainState.State = Fresh<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    private async Task<StateOutcome> RunAsync(
        StateOperationKind kind, GrainRow row, string stateName, string? payload, int expectedVersion, CancellationToken cancellationToken)
    {
        await _migrator.EnsureMigratedAsync(cancellationToken);
        return await _batcher.RunAsync(new StateOperation(kind, row, stateName, payload, expectedVersion, cancellationToken));
    }

    private T Fresh<T>() => _activators.GetActivator<T>().Create();

    private static GrainRow Validate<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        StorableText.ThrowIfInvalid(stateName, nameof(stateName));
        ArgumentNullException.ThrowIfNull(grainState);
        return GrainRow.Of(grainId, nameof(grainId));
    }

    /// <summary>Null for no etag (first write); a version otherwise. An etag this provider cannot have written is a conflict.</summary>
    private int? ParseEtag(string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
            return null;
        if (int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            return version;
        throw new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} carries etag '{etag}', which is not a version the postgres grain storage '{_name}' wrote.", null, etag);
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, int storedVersion, string? etag)
    {
        var stored = storedVersion == 0 ? null : Format(storedVersion);
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was changed by another writer: stored etag {stored ?? "(none)"}, grain's etag {etag ?? "(none)"}.",
            stored, etag);
    }

    private static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);
}
