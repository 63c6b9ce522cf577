using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyGrid.Api.Security;
using SupplyGrid.Silo.Hosting;

namespace SupplyGrid.Silo.Tests;

public sealed class IssueTokenCommandTests
{
    private const string SigningKey = "issue-token-tests-signing-key-0123456789";

    [Fact]
    public async Task Prints_one_token_the_api_accepts_with_the_roles_asked_for()
    {
        var (code, output, error) = Run(Settings(), "--role", ApiRoles.Dashboard, "--role", ApiRoles.Dispatch, "--subject", "odrd-plugin", "--hours", "2");

        Assert.True(code == 0, error);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "supplygrid",
            ValidAudience = "supplygrid-api",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("odrd-plugin", result.Claims["sub"]);
        var expires = ((JsonWebToken)result.SecurityToken).ValidTo;
        Assert.InRange(expires - DateTime.UtcNow, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
        Assert.Contains(ApiRoles.Dispatch, ((JsonWebToken)result.SecurityToken).Claims.Where(c => c.Type == ApiRoles.ClaimType).Select(c => c.Value));
    }

    [Theory]
    [InlineData("no role", new string[0], "name at least one --role")]
    [InlineData("unknown role", new[] { "--role", "boss" }, "'boss' is not a role")]
    [InlineData("lifetime too long", new[] { "--role", "operator", "--hours", "1000" }, "lifetime must be")]
    [InlineData("hours not a number", new[] { "--role", "operator", "--hours", "soon" }, "--hours must be a number")]
    [InlineData("stray argument", new[] { "--role", "operator", "please" }, "unexpected argument 'please'")]
    public void Refuses_a_request_it_cannot_serve_with_exit_code_2_and_the_reason(string _, string[] arguments, string reason)
    {
        var (code, output, error) = Run(Settings(), arguments);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_signing_key_it_says_which_setting_is_missing()
    {
        var (code, output, error) = Run(new ConfigurationBuilder().Build(), "--role", ApiRoles.Operator);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Api:Jwt:SigningKey is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_given_on_the_command_line_are_configuration_not_arguments() =>
        Assert.Equal(["--Api:Jwt:SigningKey=x"], IssueTokenCommand.Settings([IssueTokenCommand.Name, "--role", "operator", "--Api:Jwt:SigningKey=x"]));

    private static IConfiguration Settings() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Jwt:SigningKey"] = SigningKey }).Build();

    private static (int Code, string Output, string Error) Run(IConfiguration configuration, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = IssueTokenCommand.Run([IssueTokenCommand.Name, .. arguments], configuration, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
