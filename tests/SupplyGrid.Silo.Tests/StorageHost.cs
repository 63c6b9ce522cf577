using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Grains;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Tests;

/// <summary>The silo's grid composition (domain grains, then the silo's storage wiring) in a plain host, with only the given settings.</summary>
internal static class StorageHost
{
    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var configuration = builder.Configuration;
        builder.Services.AddLogging();
        builder.Services.AddGrid(grid => grid.AddSupplyGridDomain(configuration).AddGridStorage(configuration));
        return builder.Build();
    }
}
