namespace SupplyGrid.Runtime.Activations;

/// <summary>
/// Current while an activation runs a turn, so that every await in grain code posts its continuation back to the
/// activation instead of the thread pool: continuations never run concurrently with another turn of the grain.
/// </summary>
internal sealed class ActivationSynchronizationContext(Activation activation) : SynchronizationContext
{
    public Activation Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.PostContinuation(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send to a grain activation would deadlock; use Post (await).");

    public override SynchronizationContext CreateCopy() => this;
}
