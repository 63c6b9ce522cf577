namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>
/// A grain whose activation calls another grain and then waits at the <see cref="Gate"/>: Orleans starts an
/// activation in the request context of the message that activated it, so that call carries whatever rode on it.
/// </summary>
public interface ISlowStartGrain : IGrainWithStringKey
{
    [OneWay]
    Task Note();

    Task<int> Notes();
}

public sealed class SlowStartGrain(Gate gate) : Grain, ISlowStartGrain
{
    private int _notes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await GrainFactory.GetGrain<IEchoGrain>(this.GetPrimaryKeyString()).Echo(DateTimeOffset.UnixEpoch);
        await gate.Pass();
    }

    public Task Note()
    {
        _notes++;
        return Task.CompletedTask;
    }

    public Task<int> Notes() => Task.FromResult(_notes);
}
