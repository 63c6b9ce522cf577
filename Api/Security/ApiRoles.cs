namespace SupplyGrid.Api.Security;

/// <summary>The roles a bearer token may carry in its "role" claim.</summary>
public static class ApiRoles
{
    /// <summary>Writes and campaign control; also every read.</summary>
    public const string Operator = "operator";

    /// <summary>The dispatch service: ODRD ranking.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Dashboards: reads.</summary>
    public const string Dashboard = "dashboard";

    public static IReadOnlyList<string> All { get; } = [Operator, Dispatch, Dashboard];

    public const string ClaimType = "role";
}

/// <summary>Authorization policies of the endpoints.</summary>
internal static class ApiPolicies
{
    /// <summary>Dashboard or operator (an operator may read everything).</summary>
    public const string Read = "supplygrid.read";

    public const string Operate = "supplygrid.operate";

    public const string Dispatch = "supplygrid.dispatch";
}
