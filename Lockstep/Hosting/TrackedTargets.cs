using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Which call targets the lockstep follows: grains. System targets are left out because some of their calls are long
/// polls that never settle, and calls to clients (observers) never reach a silo's incoming filter.
/// </summary>
internal static class TrackedTargets
{
    /// <summary>The request-context key under which a one-way call carries the id of its in-flight item to its target.</summary>
    public const string OneWayCallKey = "supplygrid.lockstep.one-way";

    public static bool IsGrain(GrainId id) => !id.IsSystemTarget() && !id.IsClient();

    public static string Method(string interfaceName, string methodName)
    {
        var dot = interfaceName.LastIndexOf('.');
        return $"{(dot < 0 ? interfaceName : interfaceName[(dot + 1)..])}.{methodName}";
    }
}
