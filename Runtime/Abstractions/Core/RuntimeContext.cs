namespace SupplyGrid.Runtime;

/// <summary>
/// The activation whose code is running on this thread: set by the runtime while it constructs a grain and while
/// a turn runs, so that <see cref="Grain"/>'s constructor and <c>[PersistentState]</c> parameters can find it.
/// </summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    public static IGrainContext? Current => t_current;

    /// <summary>For the runtime: sets the current context and returns the previous one.</summary>
    public static IGrainContext? Exchange(IGrainContext? context)
    {
        var previous = t_current;
        t_current = context;
        return previous;
    }
}
