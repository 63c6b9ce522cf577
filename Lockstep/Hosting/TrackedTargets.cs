using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Which call targets the lockstep follows: grains. System targets are left out because some of their calls are long
/// polls that never settle, and calls to clients (observers) never reach a silo's incoming filter.
/// </summary>
internal static class TrackedTargets
{
    /// <summary>The request-context key under which a one-way call carries its in-flight item to its target (<see cref="OneWayMarker"/>).</summary>
    public const string OneWayCallKey = "supplygrid.lockstep.one-way";

    /// <summary>
    /// The marker a one-way call to <paramref name="target"/> carries: its item's id and its target. The target is
    /// part of it because Orleans runs a new activation's start (its state read from a storage grain, for one) in the
    /// request context of the message that activated it, so the marker also rides on those calls, to other grains.
    /// </summary>
    public static string OneWayMarker(long itemId, GrainId target) => $"{itemId}@{target}";

    /// <summary>The item id in <paramref name="marker"/> when the marker was made for <paramref name="target"/>.</summary>
    public static bool TryReadOneWayMarker(object? marker, GrainId target, out long itemId)
    {
        itemId = 0;
        if (marker is not string text)
            return false;
        var at = text.IndexOf('@');
        return at > 0 && text.AsSpan(at + 1).SequenceEqual(target.ToString()) && long.TryParse(text.AsSpan(0, at), out itemId);
    }

    public static bool IsGrain(GrainId id) => !id.IsSystemTarget() && !id.IsClient();

    public static string Method(string interfaceName, string methodName)
    {
        var dot = interfaceName.LastIndexOf('.');
        return $"{(dot < 0 ? interfaceName : interfaceName[(dot + 1)..])}.{methodName}";
    }
}
