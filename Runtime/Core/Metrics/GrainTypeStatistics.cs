using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Metrics;

/// <summary>Live counters of one grain type: activations and per-method statistics (indexed by <see cref="GrainMethod.Id"/>).</summary>
public sealed class GrainTypeStatistics(string grainType)
{
    private readonly Lock _growLock = new();
    private MethodStatistics?[] _methods = new MethodStatistics?[64];
    private long _activations;

    public string GrainType { get; } = grainType;

    public long Activations => Volatile.Read(ref _activations);

    internal void OnActivated() => Interlocked.Increment(ref _activations);

    internal void OnDeactivated() => Interlocked.Decrement(ref _activations);

    public IEnumerable<MethodStatistics> Methods => Volatile.Read(ref _methods).OfType<MethodStatistics>();

    internal MethodStatistics For(GrainMethod method)
    {
        var methods = Volatile.Read(ref _methods);
        if ((uint)method.Id < (uint)methods.Length && methods[method.Id] is { } existing)
            return existing;
        return Add(method);
    }

    private MethodStatistics Add(GrainMethod method)
    {
        lock (_growLock)
        {
            var methods = _methods;
            if (method.Id >= methods.Length)
            {
                Array.Resize(ref methods, Math.Max(methods.Length * 2, method.Id + 1));
            }
            else
            {
                methods = (MethodStatistics?[])methods.Clone();
            }

            var stats = methods[method.Id] ??= new MethodStatistics(GrainType, method.InterfaceName, method.MethodName);
            Volatile.Write(ref _methods, methods);
            return stats;
        }
    }
}
