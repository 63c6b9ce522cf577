using Microsoft.Extensions.Options;
using SupplyGrid.Api.Tests.Support;

namespace SupplyGrid.Api.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData(null, "Api:Jwt:SigningKey is missing")]
    [InlineData("short-key", "Api:Jwt:SigningKey is 9 bytes long")]
    public async Task The_silo_does_not_start_without_a_usable_signing_key(string? key, string message)
    {
        var app = ApiHost.Build(new Dictionary<string, string?> { ["Api:Jwt:SigningKey"] = key }, null, ApiHost.NewClock());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, failure.Message);
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("Api:RateLimit:PermitsPerSecond", "0")]
    [InlineData("Api:Limits:MaxRequestBodyBytes", "10")]
    [InlineData("Api:Heatmap:CacheMaxAge", "00:00:00")]
    [InlineData("Api:History:Retention", "3.00:00:00")]
    [InlineData("Api:Health:GridTimeout", "-00:00:01")]
    public async Task A_setting_out_of_range_stops_the_start_naming_it(string setting, string value)
    {
        var app = ApiHost.Build(new Dictionary<string, string?> { [setting] = value }, null, ApiHost.NewClock());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(setting, failure.Message);
        await app.DisposeAsync();
    }
}
