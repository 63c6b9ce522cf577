namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>A grain held busy by one call while another, interleaving, asks its timer to tick at once.</summary>
public interface IHeldTickerGrain : IGrainWithStringKey
{
    /// <summary>Holds the grain until the <see cref="Gate"/> opens.</summary>
    Task Hold();

    /// <summary>Registers a timer due at once; its tick does not interleave, so it waits until the hold ends.</summary>
    [AlwaysInterleave]
    Task StartAtOnce();

    [AlwaysInterleave]
    Task<int> Ticks();
}

public sealed class HeldTickerGrain(Gate gate) : Grain, IHeldTickerGrain
{
    private int _ticks;

    public Task Hold() => gate.Pass();

    public Task StartAtOnce()
    {
        this.RegisterGrainTimer(() =>
        {
            _ticks++;
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);
}
