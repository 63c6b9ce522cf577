using System.Globalization;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Security;

namespace SupplyGrid.Silo.Hosting;

/// <summary>
/// <c>SupplyGrid.Silo issue-token --role R [--role R2] [--subject NAME] [--hours H]</c>: prints one API bearer token,
/// signed with the configured <c>Api:Jwt:SigningKey</c>, and exits without starting the silo. Outside the embedded
/// default run the silo never logs a token, so this is how an administrator, who holds the signing key, gets one.
/// The configuration comes from the same sources as the silo's (appsettings, environment, command line).
/// </summary>
internal static class IssueTokenCommand
{
    public const string Name = "issue-token";
    private const double DefaultHours = 12;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The arguments that are configuration settings (<c>--Section:Key=value</c>), as the silo reads them.</summary>
    public static string[] Settings(string[] args) => args.Where(IsSetting).ToArray();

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=');

    /// <returns>0 with the token on <paramref name="output"/>; 2 with the problem on <paramref name="error"/>.</returns>
    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (!TryParse(args.Skip(1).ToArray(), out var request, out var problem))
        {
            error.WriteLine($"{Name}: {problem}");
            error.WriteLine($"usage: {Name} --role <{string.Join('|', ApiRoles.All)}> [--role ...] [--subject NAME] [--hours H] (at most {ApiTokenIssuer.MaxLifetime.TotalHours:0})");
            return 2;
        }

        try
        {
            var issuer = ApiTokenIssuer.FromConfiguration(configuration);
            output.WriteLine(issuer.Issue(request.Subject, request.Roles, TimeSpan.FromHours(request.Hours)));
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or ArgumentException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
        }
    }

    private static bool TryParse(string[] args, out TokenRequest request, out string problem)
    {
        var roles = new List<string>();
        string? subject = null;
        var hours = DefaultHours;
        request = default;
        for (var i = 0; i < args.Length; i++)
        {
            // --Section:Key=value settings are the configuration's, as for the silo.
            if (IsSetting(args[i]))
                continue;
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null:
                    roles.Add(value);
                    i++;
                    break;
                case "--subject" when value is not null:
                    subject = value;
                    i++;
                    break;
                case "--hours" when value is not null:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || !double.IsFinite(hours))
                    {
                        problem = $"--hours must be a number (was '{value}').";
                        return false;
                    }

                    i++;
                    break;
                default:
                    problem = $"unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (roles.Count == 0)
        {
            problem = "name at least one --role.";
            return false;
        }

        request = new TokenRequest(roles, subject ?? string.Join('+', roles), hours);
        problem = "";
        return true;
    }

    private readonly record struct TokenRequest(IReadOnlyCollection<string> Roles, string Subject, double Hours);
}
