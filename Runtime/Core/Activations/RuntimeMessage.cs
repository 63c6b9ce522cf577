using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Activations;

/// <summary>Work the runtime itself puts in a mailbox (lifecycle steps, timer ticks, reminders, stream items).</summary>
internal abstract class RuntimeMessage(GrainMethod method) : GrainRequest<VoidResult>
{
    public override GrainMethod Method { get; } = method;
}
