namespace SupplyGrid.Runtime.Concurrency
{
    /// <summary>The grain's turns may interleave at await points (mirrors <c>Orleans.Concurrency.ReentrantAttribute</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class ReentrantAttribute : Attribute;

    /// <summary>Calls to this interface method interleave with any other turn of the grain.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class AlwaysInterleaveAttribute : Attribute;

    /// <summary>The method does not change grain state: read-only calls may interleave with each other.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ReadOnlyAttribute : Attribute;

    /// <summary>Fire and forget: the call returns as soon as the message is enqueued; exceptions are logged, not returned.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class OneWayAttribute : Attribute;

    /// <summary>
    /// The grain is stateless: the runtime may create up to <see cref="MaxLocalWorkers"/> activations per id and
    /// spreads calls across them (mirrors <c>Orleans.Concurrency.StatelessWorkerAttribute</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class StatelessWorkerAttribute(int maxLocalWorkers) : Attribute
    {
        public StatelessWorkerAttribute() : this(-1)
        {
        }

        /// <summary>Upper bound of local activations; -1 means one per processor.</summary>
        public int MaxLocalWorkers { get; } = maxLocalWorkers;
    }
}

namespace SupplyGrid.Runtime
{
    /// <summary>Overrides the default response timeout for calls to this interface method. The value is a <see cref="TimeSpan"/> string, e.g. "00:00:05".</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
    {
        public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Names the grain type of a grain class (default: the class name without a "Grain" suffix, lower case).</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class GrainTypeAttribute(string grainType) : Attribute
    {
        public string GrainType { get; } = grainType;
    }

    /// <summary>Overrides the idle collection age for activations of this grain class.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class CollectionAgeLimitAttribute : Attribute
    {
        public double Minutes { get; init; }

        public double Seconds { get; init; }

        public TimeSpan Amount => TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
    }
}
