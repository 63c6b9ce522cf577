using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Testing;
using SupplyGrid.Runtime.Tests.Grains;

namespace SupplyGrid.Runtime.Tests;

/// <summary>Starts a test silo with the test grains and a <see cref="Probe"/>.</summary>
internal static class TestSilo
{
    public static async Task<(GridTestHost Host, Probe Probe)> StartAsync(Action<GridOptions>? options = null, Action<GridBuilder>? grid = null)
    {
        var probe = new Probe();
        var host = await GridTestHost.StartAsync(
            g =>
            {
                g.AddGrains(typeof(TestSilo).Assembly);
                if (options is not null)
                    g.Configure(options);
                grid?.Invoke(g);
            },
            services => services.AddSingleton(probe));
        return (host, probe);
    }
}
