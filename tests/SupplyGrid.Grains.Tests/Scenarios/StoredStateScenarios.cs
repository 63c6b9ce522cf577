using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace SupplyGrid.Grains.Tests.Scenarios;

/// <summary>Grain state read back by a silo set up only as the domain's registration sets it up (no test stopgaps).</summary>
public sealed class StoredStateScenarios
{
    [Fact]
    public async Task A_grain_activates_again_with_the_state_it_stored()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddSupplyGridDomain(new ConfigurationBuilder().Build())
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grains = cluster.Silos[0].SiloHost.Services.GetRequiredService<IGrainFactory>();
        var campaign = grains.GetGrain<ICampaignGrain>("stored");
        await campaign.Create(CampaignScenarios.Pool(budget: 123m, DateTimeOffset.UtcNow));

        await cluster.DeactivateAsync(campaign.GetGrainId());

        Assert.Equal(123m, (await campaign.Get())!.Definition.Budget);
    }
}
