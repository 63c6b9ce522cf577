namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>Passes a baton one-way from grain to grain, each hop taking a little wall-clock time; the last hop logs it.</summary>
public interface IRelayGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Pass(string baton, int hopsLeft);
}

public sealed class RelayGrain(RelayLog log) : Grain, IRelayGrain
{
    public async Task Pass(string baton, int hopsLeft)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2));
        log.Hop(baton);
        if (hopsLeft > 1)
            await GrainFactory.GetGrain<IRelayGrain>(this.GetPrimaryKeyLong() + 1).Pass(baton, hopsLeft - 1);
    }
}
