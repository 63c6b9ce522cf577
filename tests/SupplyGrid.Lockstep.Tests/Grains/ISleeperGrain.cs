using System.Collections.Concurrent;

namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>A grain whose deactivation takes wall-clock time and is then logged.</summary>
public interface ISleeperGrain : IGrainWithStringKey
{
    Task Retire();
}

public sealed class SleeperGrain(DeactivationLog log) : Grain, ISleeperGrain
{
    public Task Retire()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        log.Deactivated.Add(this.GetPrimaryKeyString());
    }
}

public sealed class DeactivationLog
{
    public ConcurrentBag<string> Deactivated { get; } = [];
}
