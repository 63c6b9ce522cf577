using System.Security.Cryptography;
using SupplyGrid.Api.Security;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.Simulation;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Hosting;

/// <summary>What makes the README's first command work with no configuration, and what it tells the newcomer.</summary>
internal static class DefaultRun
{
    private const string SigningKeySetting = "Api:Jwt:SigningKey";

    /// <summary>
    /// True when the silo runs on the embedded broker (Kafka:BootstrapServers unset). Only then, a missing API signing
    /// key is replaced by a random one for this process: against a real cluster a missing key fails the start.
    /// </summary>
    public static bool ApplyEmbeddedDefaults(ConfigurationManager configuration)
    {
        var embedded = string.IsNullOrWhiteSpace(configuration[$"{KafkaOptions.SectionName}:{nameof(KafkaOptions.BootstrapServers)}"]);
        if (embedded && string.IsNullOrWhiteSpace(configuration[SigningKeySetting]))
            configuration[SigningKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        return embedded;
    }

    /// <summary>
    /// Logs where the pages are. Only in the embedded default run does it add a ready operator token: against a real
    /// cluster the logs would carry operator rights, so there an administrator issues tokens with
    /// <see cref="IssueTokenCommand"/>.
    /// </summary>
    public static void PrintWhereToLook(WebApplication app, bool embedded)
    {
        var url = app.Urls.First();
        var mode = Describe(app.Configuration, embedded);
        if (!embedded)
        {
            app.Logger.LogInformation(
                """
                SupplyGrid silo is up ({Mode}).
                  City dashboard:    {Url}/dashboard/singapore   Silo dashboard: {Url}/silo   Orleans dashboard: {Url}{OrleansLogin}
                  API:               {Url}/api   (OpenAPI: {Url}/openapi/v1.json, health: {Url}/health/detailed)
                  Tokens are not logged outside the embedded default run: issue one with
                  "dotnet SupplyGrid.Silo.dll {Command} --role operator" where Api:Jwt:SigningKey is configured.
                """,
                mode, url, url, url, OrleansDashboardCookie.LoginPath, url, url, url, IssueTokenCommand.Name);
            return;
        }

        var operatorToken = app.Services.GetRequiredService<ApiTokenIssuer>().IssueOperatorToken(TimeSpan.FromHours(12));
        app.Logger.LogInformation(
            """
            SupplyGrid silo is up ({Mode}).
              City dashboard:    {Url}/dashboard/singapore#token={Token}
              Silo dashboard:    {Url}/silo#token={Token}   (Kafka streams, offer funnel)
              Orleans dashboard: {Url}{OrleansLogin}#token={Token}   (signs in with a cookie, then {Url}{Orleans}/)
              API:               {Url}/api/heatmap/singapore   (OpenAPI: {Url}/openapi/v1.json, health: {Url}/health/detailed)
              Operator token:    {Token}
                                 (valid 12 h; send as "Authorization: Bearer <token>"; operator role: writes, campaigns, reads)
            """,
            mode,
            url, operatorToken, url, operatorToken, url, OrleansDashboardCookie.LoginPath, operatorToken, url, OrleansDashboardCookie.Path,
            url, url, url, operatorToken);
    }

    /// <summary>What this silo runs on, e.g. "embedded broker, memory storage, simulated city".</summary>
    private static string Describe(IConfiguration configuration, bool embedded)
    {
        var parts = new List<string>
        {
            embedded ? "embedded broker" : "external Kafka cluster",
            GridStorage.UsesPostgres(configuration) ? "PostgreSQL storage" : "memory storage",
        };
        if (configuration.GetValue<bool?>($"{SiloSimulationOptions.SectionName}:{nameof(SiloSimulationOptions.Enabled)}") ?? embedded)
            parts.Add("simulated city");
        return string.Join(", ", parts);
    }
}
