using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using SupplyGrid.Grains;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// The silo's composition of the grid (domain grains, then the silo's storage wiring) in a plain host with one
/// localhost silo on free ports, with only the given settings.
/// </summary>
internal static class StorageHost
{
    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var configuration = builder.Configuration;
        builder.Services.AddLogging();
        var (siloPort, gatewayPort) = FreePorts.Two();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, serviceId: "storage-tests", clusterId: $"storage-{Guid.NewGuid():N}")
            .AddSupplyGridDomain(configuration)
            .AddGridStorage(configuration));
        return builder.Build();
    }
}
