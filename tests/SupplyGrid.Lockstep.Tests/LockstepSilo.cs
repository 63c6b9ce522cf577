using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using SupplyGrid.Lockstep.Tests.Grains;

namespace SupplyGrid.Lockstep.Tests;

/// <summary>One in-process silo on a <see cref="LockstepClock"/>, shared by the tests of the collection (each uses grains of its own).</summary>
public sealed class LockstepSilo : IAsyncLifetime
{
    public const string Collection = "lockstep silo";

    private InProcessTestCluster? _cluster;

    public LockstepClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => Cluster.Silos[0].SiloHost.Services;

    /// <summary>The silo's own grain factory: calls made through it are calls from code inside the silo.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            silo.UseLockstepClock(Clock);
            silo.Services.AddSingleton<RelayLog>();
            silo.Services.AddSingleton<Gate>();
            silo.Services.AddSingleton<AlarmLog>();
            silo.Services.AddSingleton<DeactivationLog>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(LockstepSilo.Collection)]
public sealed class LockstepSiloCollection : ICollectionFixture<LockstepSilo>;
