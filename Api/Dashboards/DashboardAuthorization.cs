using SupplyGrid.Api.Security;

namespace SupplyGrid.Api.Dashboards;

/// <summary>The authorization the dashboards' data needs, for endpoints mapped outside this assembly (the silo page's data).</summary>
public static class DashboardAuthorization
{
    /// <summary>The API's read policy: a bearer token with the dashboard or operator role.</summary>
    public const string ReadPolicy = ApiPolicies.Read;

    /// <summary>The API's operator policy: a bearer token with the operator role (the Orleans dashboard).</summary>
    public const string OperatorPolicy = ApiPolicies.Operate;
}
