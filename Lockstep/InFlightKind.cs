namespace SupplyGrid.Lockstep;

/// <summary>What kind of work an <see cref="InFlightItem"/> stands for.</summary>
internal enum InFlightKind
{
    /// <summary>A request/response grain call, from sending until its response arrived.</summary>
    Call,

    /// <summary>A one-way grain call, from sending until the target finished handling it.</summary>
    OneWayCall,

    /// <summary>A grain call running on its target that no sender here accounts for (a client's call, a timer tick).</summary>
    Running,

    /// <summary>A grain timer that fired, from firing until its tick finished and the timer was re-armed or disposed.</summary>
    TimerTick,

    /// <summary>A grain timer asked to tick at once (due time zero): queued on its grain without any clock firing.</summary>
    ImmediateTimerTick,

    /// <summary>A reminder between starting or firing and waiting again for its next tick.</summary>
    Reminder,

    /// <summary>A grain activation deactivating (OnDeactivateAsync, state writes).</summary>
    Deactivation,

    /// <summary>Work handed to <see cref="LockstepClock.Track"/>.</summary>
    Work,
}
