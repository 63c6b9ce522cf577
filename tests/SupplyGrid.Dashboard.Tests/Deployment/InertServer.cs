using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Stands in for Kestrel: the web host hands it the addresses from its configuration and the built request pipeline,
/// and it listens on nothing. What it was told to bind is what Kestrel would have bound.
/// </summary>
internal sealed class InertServer : IServer
{
    private readonly ServerAddressesFeature _addresses = new();

    public InertServer() => Features.Set<IServerAddressesFeature>(_addresses);

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public IReadOnlyList<string> Addresses => [.. _addresses.Addresses];

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
