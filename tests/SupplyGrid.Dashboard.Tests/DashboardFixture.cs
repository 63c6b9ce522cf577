using SupplyGrid.Dashboard.Tests.Browser;
using SupplyGrid.Dashboard.Tests.Hosting;

namespace SupplyGrid.Dashboard.Tests;

/// <summary>One silo with the scene played and one browser, shared by the page tests (starting them is the slow part).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardSilo Silo { get; private set; } = null!;

    public BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var launching = BrowserSession.LaunchAsync();
        Silo = await DashboardSilo.StartAsync();
        await CityScene.PlayAsync(Silo);
        Browser = await launching;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        if (Silo is not null)
            await Silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard pages";
}
