namespace SupplyGrid.Runtime;

/// <summary>The target activation's mailbox is at its configured bound (<c>Grid:MaxMailboxDepth</c>).</summary>
public sealed class GrainOverloadedException(GrainId grainId, int depth)
    : Exception($"Grain {grainId} is overloaded: {depth} messages are waiting in its mailbox.")
{
    public GrainId GrainId { get; } = grainId;
}
