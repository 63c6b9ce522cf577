namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>How .NET's environment-variable configuration provider names keys: <c>Api__Jwt__SigningKey</c> is <c>Api:Jwt:SigningKey</c>.</summary>
internal static class EnvironmentVariables
{
    public static string ToConfigurationKey(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return variable.Replace("__", ":", StringComparison.Ordinal);
    }

    public static Dictionary<string, string> ToSettings(IEnumerable<KeyValuePair<string, string>> environment) =>
        environment.ToDictionary(e => ToConfigurationKey(e.Key), e => e.Value, StringComparer.OrdinalIgnoreCase);
}
