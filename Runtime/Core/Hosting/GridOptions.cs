namespace SupplyGrid.Runtime.Hosting;

/// <summary>Runtime settings (configuration section "Grid").</summary>
public sealed class GridOptions
{
    public const string SectionName = "Grid";

    /// <summary>How long a caller waits for a response before a <see cref="TimeoutException"/> (Orleans' default: 30 s).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is deactivated (Orleans' default: 15 minutes).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often pending calls are checked against their response timeout.</summary>
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>OnDeactivateAsync</c> may run (during shutdown and collection) before it is abandoned.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an activation may keep a thread-pool thread, handling message after message, before it yields to
    /// other activations (Orleans: <c>ActivationSchedulingQuantum</c>). A time, not a message count: a grain that
    /// receives thousands of cheap messages a second (a city, a campaign) must be able to drain them in one go, or it
    /// waits behind every other activation's work item once per few messages and falls behind.
    /// <see cref="TimeSpan.MaxValue"/>: never yield while messages wait, so the order of turns depends only on what was
    /// sent, not on how fast the machine is (single-threaded, reproducible replays).
    /// </summary>
    public TimeSpan SchedulingQuantum { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Mailbox bound per activation; a send beyond it fails with <see cref="GrainOverloadedException"/>. 0 means unbounded.
    /// </summary>
    public int MaxMailboxDepth { get; set; }

    public void Validate()
    {
        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException($"{SectionName}:{name}", value, $"{SectionName}:{name} must be positive.");
        }

        Positive(ResponseTimeout, nameof(ResponseTimeout));
        Positive(CollectionAge, nameof(CollectionAge));
        Positive(CollectionQuantum, nameof(CollectionQuantum));
        Positive(TimeoutCheckInterval, nameof(TimeoutCheckInterval));
        Positive(DeactivationTimeout, nameof(DeactivationTimeout));
        Positive(SchedulingQuantum, nameof(SchedulingQuantum));
        if (MaxMailboxDepth < 0)
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(MaxMailboxDepth)}", MaxMailboxDepth, "must be 0 (unbounded) or positive.");
    }
}
