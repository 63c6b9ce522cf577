using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime;

/// <summary>Runs around every grain call an activation receives (mirrors Orleans' <c>IIncomingGrainCallFilter</c>).</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>The call a filter wraps. Call <see cref="Invoke"/> to continue to the next filter and the grain.</summary>
public interface IIncomingGrainCallContext
{
    object Grain { get; }

    GrainId TargetId { get; }

    GrainMethod Method { get; }

    string InterfaceName => Method.InterfaceName;

    string MethodName => Method.MethodName;

    object?[] Arguments { get; }

    /// <summary>The grain method's result once <see cref="Invoke"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    Task Invoke();
}
