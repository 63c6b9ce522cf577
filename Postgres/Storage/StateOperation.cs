namespace SupplyGrid.Postgres.Storage;

internal enum StateOperationKind
{
    /// <summary>Read the row.</summary>
    Read,

    /// <summary>First write: insert only if no row exists.</summary>
    Insert,

    /// <summary>Write: update only if the row holds the expected version.</summary>
    Update,

    /// <summary>Clear: delete only if the row holds the expected version.</summary>
    Delete,

    /// <summary>Clear of a state never written (no etag): succeeds only if no row exists.</summary>
    CheckAbsent,
}

/// <summary>
/// What an operation found. Applied: the row was read, or the write or delete took effect. Version: the row's version
/// after the operation, or, when not applied, the version found in the store (0: no row).
/// </summary>
internal readonly record struct StateOutcome(bool Applied, int Version, byte[]? Payload);

/// <summary>The grain_state row an operation is about.</summary>
internal readonly record struct StateKey(GrainRow Grain, string StateName);

/// <summary>One grain-state operation waiting for, or riding in, a batch; completes when the batch has committed.</summary>
internal sealed class StateOperation(
    StateOperationKind kind, GrainRow grain, string stateName, string? payload, int expectedVersion, CancellationToken cancellationToken)
    : TaskCompletionSource<StateOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public StateOperationKind Kind { get; } = kind;

    public GrainRow Grain { get; } = grain;

    public string StateName { get; } = stateName;

    public StateKey Key => new(Grain, StateName);

    /// <summary>The JSON to write (Insert, Update).</summary>
    public string? Payload { get; } = payload;

    /// <summary>The version the grain holds (Update, Delete).</summary>
    public int ExpectedVersion { get; } = expectedVersion;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The outcome read in the current attempt of the batch; published only once the batch commits.</summary>
    public StateOutcome Outcome { get; set; }

    /// <summary>The write did not match the expected version in this attempt: the stored version is being looked up.</summary>
    public bool IsWriteConflict => !Outcome.Applied && Kind is StateOperationKind.Insert or StateOperationKind.Update or StateOperationKind.Delete;
}
