using System.ComponentModel;

namespace SupplyGrid.Runtime.Invocation;

/// <summary>Runs messages for one activation: the runtime side of <see cref="GrainMessage.Start"/>.</summary>
public interface IMessageHost
{
    /// <summary>Filters to run around grain calls; empty on the fast path.</summary>
    IReadOnlyList<IIncomingGrainCallFilter> CallFilters { get; }

    /// <summary>Called on the activation's context when a message whose <see cref="GrainMessage.Start"/> returned false finishes.</summary>
    void OnMessageCompleted(GrainMessage message);
}

/// <summary>
/// One unit of work in an activation's mailbox: a grain call, a timer tick, a reminder, a stream item or a
/// lifecycle step. The runtime starts it on the activation, and completes it once the work (including its awaits)
/// has finished.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainMessage
{
    /// <summary>Link for the mailbox and running lists (a message is in at most one of them).</summary>
    internal GrainMessage? Next;

    internal GrainMessage? Previous;

    /// <summary>TimeProvider timestamp of the send; drives the response timeout and the latency metric.</summary>
    internal long EnqueuedAt;

    /// <summary>Lifecycle steps run alone: nothing interleaves with them.</summary>
    internal bool IsExclusive;

    /// <summary>False for work that must not keep an idle activation alive (timer ticks without KeepAlive).</summary>
    internal bool CountsAsActivity = true;

    /// <summary>Work that belongs to one activation (timer ticks): dropped, not forwarded, when it deactivates.</summary>
    internal bool IsActivationLocal;

    public abstract GrainMethod Method { get; }

    /// <summary>The exception the work ended with, once it has ended; null on success.</summary>
    public abstract Exception? Error { get; }

    /// <summary>
    /// Starts the work on <paramref name="grain"/> (on the activation's context). Returns true when it finished
    /// synchronously; otherwise the message calls <see cref="IMessageHost.OnMessageCompleted"/> when it finishes.
    /// </summary>
    public abstract bool Start(object grain, IMessageHost host);

    /// <summary>Reports the outcome to the sender. Called once the work has finished.</summary>
    public abstract void Complete();

    /// <summary>
    /// Completes the sender with <paramref name="error"/> without (or before) the work finishing: timeouts,
    /// failed activations, shutdown. Returns false if the sender was already completed.
    /// </summary>
    public abstract bool TryFail(Exception error);

    /// <summary>The call's arguments, for call filters (allocates; never used on the fast path).</summary>
    public virtual object?[] GetArguments() => [];
}
