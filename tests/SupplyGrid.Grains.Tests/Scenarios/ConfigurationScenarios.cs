using SupplyGrid.Grains.Tests.Grid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Grains.Configuration;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class ConfigurationScenarios(DefaultGrid grid)
{
    [Fact]
    public async Task Without_configuration_the_grid_runs_singapore()
    {
        await using var s = await grid.StartScenarioAsync();

        var info = await s.CityGrain.GetInfo();

        Assert.Equal(("singapore", "Asia/Singapore", "SGD", 8), (info.Id, info.TimeZone, info.Currency, info.Resolution));
        Assert.True(info.South <= 1.29 && info.North >= 1.29 && info.West <= 103.85 && info.East >= 103.85);
        Assert.Equal(TimeSpan.FromSeconds(5), info.TickInterval);
    }

    [Theory]
    [InlineData("Cities:singapore:Cells:TickInterval", "00:00:00")]
    [InlineData("Cities:singapore:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Cities:singapore:Policies:Surge:Cap", "0.5")]
    [InlineData("Cities:singapore:Policies:Incentives:Currency", "USD")]
    [InlineData("Drivers:MaxPlausibleSpeedKmh", "-1")]
    public async Task A_bad_setting_stops_the_start_with_an_error_naming_it(string key, string value)
    {
        // The domain validates its settings when the host starts, before any silo work: a bare host shows it.
        using var host = DomainHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(key, error.ToString());
    }

    [Fact]
    public void Global_policy_settings_apply_to_every_city_and_a_city_may_override_them()
    {
        using var host = DomainHost(new Dictionary<string, string?>
        {
            ["Policies:Surge:Cap"] = "2.5",
            ["Cities:singapore:Name"] = "Singapore",
            ["Cities:singapore:Policies:Incentives:MaximumAmount"] = "25",
            ["Cities:jakarta:Name"] = "Jakarta",
            ["Cities:jakarta:TimeZone"] = "Asia/Jakarta",
            ["Cities:jakarta:Currency"] = "IDR",
            ["Cities:jakarta:Policies:Incentives:Currency"] = "IDR",
            ["Cities:jakarta:Bounds:South"] = "-6.4",
            ["Cities:jakarta:Bounds:North"] = "-6.0",
            ["Cities:jakarta:Bounds:West"] = "106.6",
            ["Cities:jakarta:Bounds:East"] = "107.1",
        });

        var cities = host.Services.GetRequiredService<CityDirectory>();
        Assert.Equal(["jakarta", "singapore"], cities.All.Select(c => c.Id).Order());
        Assert.All(cities.All, c => Assert.Equal(2.5, c.Surge.Cap));
        Assert.Equal(25m, cities.Get("singapore").Incentives.MaximumAmount);
        Assert.Equal(20m, cities.Get("jakarta").Incentives.MaximumAmount);
        Assert.Same(cities.Get("jakarta"), cities.Find(-6.2, 106.8));
        Assert.Null(cities.Find(0, 0));
    }

    private static IHost DomainHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSupplyGridDomain(configuration);
        return builder.Build();
    }
}
