namespace SupplyGrid.Runtime.Invocation;

[Flags]
public enum GrainMethodOptions
{
    None = 0,
    OneWay = 1,
    AlwaysInterleave = 2,
    ReadOnly = 4,

    /// <summary>Runtime-internal work (lifecycle, timers, reminders, streams): no response timeout.</summary>
    System = 8,
}

/// <summary>
/// Static description of one grain interface method (one instance per method, created by generated code): its
/// name for metrics and errors, its scheduling options and its response timeout.
/// </summary>
public sealed class GrainMethod
{
    private static int s_nextId = -1;

    public GrainMethod(string interfaceName, string methodName, GrainMethodOptions options, TimeSpan? responseTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        if (responseTimeout is { } t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(responseTimeout), t, "A response timeout must be positive.");
        InterfaceName = interfaceName;
        MethodName = methodName;
        Options = options;
        ResponseTimeout = responseTimeout;
        Id = Interlocked.Increment(ref s_nextId);
    }

    /// <summary>A process-wide dense number, for per-method tables.</summary>
    public int Id { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    public GrainMethodOptions Options { get; }

    /// <summary>Null: the silo's default response timeout applies.</summary>
    public TimeSpan? ResponseTimeout { get; }

    public bool IsOneWay => (Options & GrainMethodOptions.OneWay) != 0;

    public bool IsAlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    public bool IsSystem => (Options & GrainMethodOptions.System) != 0;

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
