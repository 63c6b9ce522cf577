using System.Security.Cryptography;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>The shell environment an operator provides when deploying (docs/deployment.md), with fresh secrets of the documented kinds.</summary>
internal static class OperatorEnvironment
{
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SUPPLYGRID_JWT_SIGNING_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["SUPPLYGRID_POSTGRES_PASSWORD"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["SUPPLYGRID_POSTGRES_CONNECTION_STRING"] =
            $"Host=postgres.example.internal;Port=5432;Database=supplygrid;Username=supplygrid;Password={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
    };
}
