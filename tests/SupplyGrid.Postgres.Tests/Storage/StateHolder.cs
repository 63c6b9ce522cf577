using System.Diagnostics.CodeAnalysis;
using Orleans;

namespace SupplyGrid.Postgres.Tests.Storage;

/// <summary>What a grain's persistent state hands a storage provider.</summary>
internal sealed class StateHolder<T> : IGrainState<T>
{
    // Non-null to the tests, which always give one; Orleans may set null.
    [AllowNull]
    public T State { get; set; } = default!;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

public sealed class Profile
{
    public string? Name { get; set; }

    public int Visits { get; set; }
}
